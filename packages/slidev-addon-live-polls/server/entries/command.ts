import { resolve } from 'node:path'
import process from 'node:process'

/**
 * How the poll server runs: a Node process that loads only the server, not the build tooling.
 * `npm start` runs it this way after building, and the benchmark measures it started this way.
 */
export function serverCommand(script = resolve(import.meta.dirname, 'main.ts'), nodeFlags: string[] = []): { command: string, args: string[] } {
  return {
    command: process.execPath,
    args: [
      ...nodeFlags,
      '--import',
      'tsx',
      script,
    ],
  }
}
