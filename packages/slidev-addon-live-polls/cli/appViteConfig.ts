import type { Plugin, UserConfig } from 'vite'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'

/**
 * The messages of the slides and the handout left out of a small app's bundle: a language stays one file for
 * every surface, and the phone page stays under its 50 KB gzip budget (tests/voteBudget.test.ts).
 */
function appMessages(): Plugin {
  return {
    name: 'live-polls:app-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]i18n[\\/][\w-]+\.json$/.test(id))
        return
      const { slide: _slide, handout: _handout, ...messages } = JSON.parse(code) as Record<string, unknown> & { kinds?: Record<string, Record<string, unknown>> }
      for (const kind of Object.values(messages.kinds ?? {})) delete kind.handout
      return {
        code: JSON.stringify(messages),
        map: null,
      }
    },
  }
}

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
      appMessages(),
    ],
    logLevel: 'warn',
    build: {
      outDir: resolve('dist', name),
      emptyOutDir: true,
      modulePreload: false,
    },
  }
}
