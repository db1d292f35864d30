import { resolve } from 'node:path'
import process from 'node:process'
import { addonRoot } from './addonRoot.ts'

/**
 * The server's entry beside the running code: the JavaScript bundled into dist-node/ when this runs from the packed
 * addon (Node does not strip types in node_modules), else the TypeScript source, run through tsx.
 */
function defaultScript(): string {
  return import.meta.url.endsWith('.ts')
    ? resolve(import.meta.dirname, 'main.ts')
    : resolve(addonRoot(), 'dist-node', 'main.js')
}

/**
 * How the poll server runs: a Node process that loads only the server, not the build tooling.
 * `npm start` runs it this way after building, and the benchmark measures it started this way.
 */
export function serverCommand(script = defaultScript(), nodeFlags: string[] = []): { command: string, args: string[] } {
  return {
    command: process.execPath,
    args: [
      ...nodeFlags,
      ...(script.endsWith('.ts')
        ? ['--import', 'tsx']
        : []),
      script,
    ],
  }
}
