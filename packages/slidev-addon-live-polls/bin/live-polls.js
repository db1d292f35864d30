#!/usr/bin/env node
// The `live-polls` command. From an installed package (node_modules) it runs the JavaScript that `npm pack`
// bundled into dist-node/, since Node does not strip types from files in node_modules. From a source checkout
// (this addon's repository) it runs the TypeScript source through tsx, so that what runs is always what was edited.
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const built = new URL('../dist-node/live-polls.js', import.meta.url)
const installed = fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules')
if (installed || process.env.LIVE_POLLS_BUILT === '1') {
  if (!existsSync(built)) {
    console.error('slidev-addon-live-polls: dist-node/ is missing; a packed addon has it (npm pack runs prepack).')
    process.exit(1)
  }
  await import(built.href)
}
else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../cli/live-polls.ts', import.meta.url).href)
}
