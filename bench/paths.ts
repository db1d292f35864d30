import { resolve } from 'node:path'

/** The project root: servers run from here, as `npm start` does. */
export const root = resolve(import.meta.dirname, '..')
export const benchDir = resolve(root, 'bench')
