import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    // One file at a time: the export and handout tests each start `slidev export`, and two at once on a
    // cold Vite cache race in dependency optimisation (a reload mid-print leaves blank pages).
    fileParallelism: false,
    hookTimeout: 60_000,
  },
})
