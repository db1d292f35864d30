import { defineConfig } from 'vite'

export default defineConfig({
  // Pre-bundled up front so `slidev export` never reloads mid-render when it first meets them.
  optimizeDeps: {
    include: ['qrcode', '@vueuse/core'],
  },
})
