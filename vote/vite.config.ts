import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// The phone voting page: its own small entry (Vue + the shared poll definitions), not the Slidev app.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [vue()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/vote', import.meta.url)),
    emptyOutDir: true,
    modulePreload: false,
  },
})
