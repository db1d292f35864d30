import type { UserConfig } from 'vite'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'

/**
 * Vite config of a small app beside the deck (voting page, console): its own entry in this addon, built into
 * dist/<name> of the deck, the working directory (as for `slidev build`).
 */
export function appViteConfig(name: 'vote' | 'console'): UserConfig {
  return {
    root: resolve(import.meta.dirname, '..', name),
    // Relative asset URLs: the app works under any base path.
    base: './',
    plugins: [
      vue(),
    ],
    logLevel: 'warn',
    build: {
      outDir: resolve('dist', name),
      emptyOutDir: true,
      modulePreload: false,
    },
  }
}
