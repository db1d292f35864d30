import { resolve } from 'node:path'
import { addonRoot as findAddonRoot, packageFile } from './addonRoot.ts'
import { isStale } from './stale.ts'

// Sources are the addon's; the builds go into the deck's dist/, the deck being where Slidev and `npm start` run.
const addonRoot = findAddonRoot()
// What the apps import from beside them: a kind's phone input lives in kinds/.
const shared = [
  'polls',
  'kinds',
  'i18n',
  'composables',
].map(p => resolve(addonRoot, p))

/** The two small Vite entries beside a deck built into `dist`: the phone voting page and the facilitator console. */
export function appDirs(dist = 'dist'): { vote: string, console: string } {
  return {
    vote: resolve(dist, 'vote'),
    console: resolve(dist, 'console'),
  }
}
export const apps = appDirs()

export type AppName = keyof typeof apps

/** The apps whose <dist>/<name> is missing or older than their sources. */
export function staleApps(dist = 'dist'): AppName[] {
  const dirs = appDirs(dist)
  return (Object.keys(dirs) as AppName[]).filter(name => isStale(resolve(dirs[name], 'index.html'), [
    resolve(addonRoot, name),
    ...shared,
  ]))
}

/** Builds each app into dist/<name> unless it is already newer than its sources. */
export async function ensureAppsBuilt(): Promise<void> {
  // Loaded only when needed, so that importing this module for `staleApps` stays light.
  const { build } = await import('vite')
  for (const name of staleApps()) {
    await build({
      configFile: resolve(addonRoot, name, 'vite.config.ts'),
    })
  }
}

/** Node's arguments that build the deck `entry` for `base` into `dist` (Slidev reads a relative --out from the deck's folder: an absolute one). */
export function deckBuildArgs(entry: string, base: string, dist: string): string[] {
  return [
    packageFile('@slidev/cli', 'bin/slidev.mjs'),
    'build',
    entry,
    '--base',
    base,
    '--out',
    resolve(dist),
  ]
}

/** Node's arguments that build the app `name` into `<dist>/<name>`. */
export function appBuildArgs(name: AppName, dist: string): string[] {
  return [
    packageFile('vite', 'bin/vite.js'),
    'build',
    '-c',
    resolve(addonRoot, name, 'vite.config.ts'),
    '--outDir',
    resolve(dist, name),
  ]
}
