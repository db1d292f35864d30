import { defineConfig } from 'vite'

export default defineConfig({
  optimizeDeps: {
    // Pre-bundled up front so `slidev export` never reloads mid-render when it first meets them; and the CommonJS
    // ones (qrcode, unhomoglyph) must be: from node_modules, the addon's files are not scanned, and a browser
    // finds no default export in a CommonJS file (clientDeps.test.ts checks this list against the client's imports).
    include: ['qrcode', 'unhomoglyph', '@vueuse/core'],
  },
})
