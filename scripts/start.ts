// `npm start`: rebuild what is stale (deck, voting page, console), then serve everything on one port.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import { ensureAppsBuilt } from '../server/appBuild'
import { normalizeBase } from '../server/basePath'
import { isStale } from '../server/stale'

const deckInputs = [
  'slides.md',
  'pages',
  'layouts',
  'components',
  'composables',
  'logic',
  'setup',
  'styles',
  'public',
  'polls',
  'global-top.vue',
  'uno.config.ts',
  'vite.config.ts',
  'package-lock.json',
]
const base = normalizeBase(process.env.BASE_PATH)
// The base path is baked into the build: a different one means a rebuild.
const builtBase = existsSync('dist/.base')
  ? readFileSync('dist/.base', 'utf8')
  : '/'

if (isStale('dist/index.html', deckInputs) || builtBase !== base) {
  console.log(`Building the deck for ${base} (sources or base path changed since the last build)…`)
  execFileSync(process.execPath, [
    'node_modules/@slidev/cli/bin/slidev.mjs',
    'build',
    '--base',
    base,
  ], { stdio: 'inherit' })
  writeFileSync('dist/.base', base)
}
await ensureAppsBuilt()
await import('../server/main')
