// `npm pack`'s prepack: the commands and the server as JavaScript in dist-node/, which bin/live-polls.js runs
// from node_modules (where Node does not strip types). The Vue and TypeScript that Slidev's Vite compiles
// (components, layouts, setup, the Vite plugin and what it imports) ship as source.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist-node`
rmSync(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'cli/live-polls.ts', out: 'live-polls' },
    // Started by `live-polls start` as a process of its own (server/entries/command.ts).
    { in: 'server/entries/main.ts', out: 'main' },
  ],
  outdir,
  bundle: true,
  // The commands load their subcommand when called, each in a chunk of its own.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  // Dependencies stay in node_modules: better-sqlite3 and pg are native or optional, Slidev's and Vite's are the deck's.
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
})
