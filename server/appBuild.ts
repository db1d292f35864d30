import { resolve } from 'node:path'
import { build } from 'vite'
import { isStale } from './stale.ts'

const root = resolve(import.meta.dirname, '..')
const shared = ['polls', 'i18n', 'composables'].map(p => resolve(root, p))

/** The two small Vite entries beside the deck: the phone voting page and the facilitator console. */
export const apps = {
  vote: resolve(root, 'dist/vote'),
  console: resolve(root, 'dist/console'),
}

/** Builds each app into dist/<name> unless it is already newer than its sources. */
export async function ensureAppsBuilt(): Promise<void> {
  for (const [name, outDir] of Object.entries(apps)) {
    if (isStale(resolve(outDir, 'index.html'), [
      resolve(root, name),
      ...shared,
    ])) {
      await build({
        configFile: resolve(root, name, 'vite.config.ts'),
      })
    }
  }
}
