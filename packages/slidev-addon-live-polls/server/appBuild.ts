import { resolve } from 'node:path'
import { isStale } from './stale.ts'

const root = resolve(import.meta.dirname, '..')
const shared = ['polls', 'i18n', 'composables'].map(p => resolve(root, p))

/** The two small Vite entries beside the deck: the phone voting page and the facilitator console. */
export const apps = {
  vote: resolve(root, 'dist/vote'),
  console: resolve(root, 'dist/console'),
}

export type AppName = keyof typeof apps

/** The apps whose dist/<name> is missing or older than their sources. */
export function staleApps(): AppName[] {
  return (Object.keys(apps) as AppName[]).filter(name => isStale(resolve(apps[name], 'index.html'), [
    resolve(root, name),
    ...shared,
  ]))
}

/** Builds each app into dist/<name> unless it is already newer than its sources. */
export async function ensureAppsBuilt(): Promise<void> {
  // Loaded only when needed, so that importing this module for `staleApps` stays light.
  const { build } = await import('vite')
  for (const name of staleApps()) {
    await build({
      configFile: resolve(root, name, 'vite.config.ts'),
    })
  }
}
