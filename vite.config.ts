import { defineConfig } from 'vite'
import { createPollPlugin } from './server/vitePlugin.ts'

export default defineConfig({
  plugins: [
    createPollPlugin(),
  ],
  // Pre-bundled up front so `slidev export` never reloads mid-render when it first meets them.
  optimizeDeps: {
    include: ['qrcode', '@vueuse/core'],
  },
})
