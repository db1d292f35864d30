// `npm start`: rebuild what is stale (deck, voting page), then serve everything on one port.
import { execFileSync } from 'node:child_process'
import process from 'node:process'
import { isStale } from '../server/stale'
import { ensureVoteBuilt } from '../server/voteBuild'

const deckInputs = ['slides.md', 'pages', 'layouts', 'components', 'composables', 'logic', 'setup', 'styles', 'public', 'polls', 'global-top.vue', 'uno.config.ts', 'vite.config.ts', 'package-lock.json']

if (isStale('dist/index.html', deckInputs)) {
  console.log('Building the deck (sources changed since the last build)…')
  execFileSync(process.execPath, ['node_modules/@slidev/cli/bin/slidev.mjs', 'build'], { stdio: 'inherit' })
}
await ensureVoteBuilt()
await import('../server/main')
