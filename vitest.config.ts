import { defineConfig } from 'vitest/config'

// Tests that start processes, builds or `slidev export`: one file at a time, after the unit tests. Two
// exports at once on a cold Vite cache race in dependency optimisation (a reload mid-print leaves blank
// pages), and the resilience tests print figures a busy machine would blur.
const processes = [
  'tests/**/*.test.ts',
  'packages/slidev-addon-live-polls/server/entries/vitePlugin.test.ts',
  'packages/slidev-addon-live-polls/cli/results.test.ts',
  'packages/slidev-addon-live-polls/cli/handoutPdf.test.ts',
  'packages/slidev-addon-live-polls/server/domain/multiProcess.test.ts',
]

// The tests of the poll server and its storage, run a second time on PostgreSQL: one store interface, two
// implementations, the same tests (packages/slidev-addon-live-polls/test/testStore.ts).
const onBothStores = [
  'packages/slidev-addon-live-polls/server/stores/**/*.test.ts',
  'packages/slidev-addon-live-polls/server/domain/{compare,compareExport,moderation,resultsCache,sessionList,sessions,sharedDatabase,tally,voteIsolation,votePath}.test.ts',
  'packages/slidev-addon-live-polls/server/transports/{api,apiToken,realtime,textBoundary}.test.ts',
]

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Logic and in-process servers on random ports: files in parallel.
          include: ['packages/**/*.test.ts', 'tests/addonNeutral.test.ts'],
          exclude: [
            ...processes.slice(1),
            '**/node_modules/**',
          ],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: onBothStores,
          env: { POLL_TEST_STORE: 'postgres' },
          // One database for the run (TEST_DATABASE_URL's server), dropped after; a schema per store in it.
          globalSetup: ['packages/slidev-addon-live-polls/test/postgresSetup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processes,
          exclude: ['tests/addonNeutral.test.ts', 'tests/e2e/**', '**/node_modules/**'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
