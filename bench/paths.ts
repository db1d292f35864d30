import { resolve } from 'node:path'

/** The project root: servers run from here, as `npm start` does. */
export const root = resolve(import.meta.dirname, '..')
export const benchDir = resolve(root, 'bench')
/** The poll server `npm start` runs, in the live-polls addon. */
export const serverScript = 'packages/slidev-addon-live-polls/server/entries/main.ts'
