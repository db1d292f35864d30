import type { UserConfig } from 'vite'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'

/** Vite config of a small app beside the deck (voting page, console): its own entry, built into dist/<name>. */
export function appViteConfig(name: 'vote' | 'console'): UserConfig {
  const root = resolve(import.meta.dirname, '..')
  return {
    root: resolve(root, name),
    // Relative asset URLs: the app works under any base path.
    base: './',
    plugins: [
      vue(),
    ],
    logLevel: 'warn',
    build: {
      outDir: resolve(root, 'dist', name),
      emptyOutDir: true,
      modulePreload: false,
    },
  }
}
