import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'

/**
 * The addon's own folder, found from the running module: its source in `server/entries/`, or the JavaScript that
 * `npm pack` bundles into `dist-node/`, where a module's folder is the bundle's and not its source's.
 */
export function addonRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'slidev-addon-live-polls')
      return dir
    if (dirname(dir) === dir)
      throw new Error(`slidev-addon-live-polls: no package.json of the addon above ${from}`)
  }
}

/**
 * A package's file as Node would find it from the deck's folder (`cwd`): the nearest `node_modules/<name>` up from
 * there, so that a deck whose dependencies are hoisted to a workspace's root works as well as a plain one.
 */
export function packageFile(name: string, file: string, cwd = process.cwd()): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, file)
    if (existsSync(path))
      return path
    if (dirname(dir) === dir)
      return join(cwd, 'node_modules', name, file)
  }
}
