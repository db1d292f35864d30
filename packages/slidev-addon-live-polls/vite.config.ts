import { defineConfig } from 'vite'

export default defineConfig({
  // Pre-bundled up front so `slidev export` never reloads mid-render when it first meets them. unhomoglyph is
  // CommonJS: from a deck's node_modules only a pre-bundled copy has the default export the poll slides import.
  optimizeDeps: {
    include: ['qrcode', '@vueuse/core', 'unhomoglyph'],
  },
})
