import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The project root: servers run from here, as `npm start` does. */
export const root = resolve(import.meta.dirname, '..')
export const benchDir = resolve(root, 'bench')
/** The poll server `npm start` runs, in the live-polls addon. */
export const serverScript = 'packages/slidev-addon-live-polls/server/entries/main.ts'

/**
 * Where an earlier version (`--compare <ref>`) keeps that server, newest layout first: the addon's server grouped
 * by role (server/entries/), the addon's flat server/ before that, and the project's own server/ before the addon.
 */
export const earlierServerScripts = [
  serverScript,
  'packages/slidev-addon-live-polls/server/main.ts',
  'server/main.ts',
]

/** The server script of the checkout in `dir`: the first of `earlierServerScripts` it holds. */
export function serverScriptIn(dir: string): string {
  const found = earlierServerScripts.find(script => existsSync(resolve(dir, script)))
  if (!found)
    throw new Error(`No poll server in ${dir}: looked for ${earlierServerScripts.join(', ')}`)
  return found
}
