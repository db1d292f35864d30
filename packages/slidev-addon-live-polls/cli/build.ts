// `live-polls build [path/to/slides.md]`: the deck, the phone voting page and the console into dist/ beside the
// deck's entry, as `live-polls start` builds them (always, not only what is stale).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { appBuildArgs, deckBuildArgs } from '../server/entries/appBuild'
import { readConfig } from '../server/entries/config'
import { parseCommandLine, stopOnMistake, stopOnMistakes } from '../server/entries/mistakes'

stopOnMistakes('Cannot build: ')
const { positionals } = parseCommandLine({ options: {}, allowPositionals: true }, 'live-polls build [path/to/slides.md]')
if (positionals.length > 1)
  stopOnMistake(`One deck at a time, not ${positionals.join(' ')}. Usage: live-polls build [path/to/slides.md]`)
const entry = positionals[0] ?? 'slides.md'
const base = readConfig(process.env).basePath
const dist = resolve(join(dirname(resolve(entry)), 'dist'))

function run(args: string[]): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: 'inherit' })
  return new Promise((done) => {
    child.on('exit', (code) => {
      if (code === 0)
        return done()
      process.exit(code ?? 1)
    })
  })
}

await run(deckBuildArgs(entry, base, dist))
for (const app of ['vote', 'console'] as const)
  await run(appBuildArgs(app, dist))
// `live-polls start` rebuilds the deck when the base path it was built for (dist/.base) differs.
writeFileSync(join(dist, '.base'), base)
console.log(`Built into ${relative(process.cwd(), dist) || '.'}`)
