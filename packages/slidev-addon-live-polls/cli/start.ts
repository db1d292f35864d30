// `npm start`: rebuild what is stale (deck, voting page, console) in child processes, then serve everything on
// one port from a process of its own that holds only the server (server/entries/command.ts), as the benchmark runs it.
import type { ChildProcess } from 'node:child_process'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { loadDeck } from '../server/domain/deckPolls'
import { addonRoot as findAddonRoot } from '../server/entries/addonRoot'
import { appBuildArgs, deckBuildArgs, staleApps } from '../server/entries/appBuild'
import { serverCommand } from '../server/entries/command'
import { readConfig } from '../server/entries/config'
import { stopOnMistake, stopOnMistakes, UserMistake } from '../server/entries/mistakes'
import { listenError, portMistake } from '../server/entries/portCheck'
import { isStale } from '../server/entries/stale'

// `npm start [-- path/to/slides.md]`: the deck at that entry (slides.md by default), built into dist/ beside it.
const given = process.argv.slice(2)
const entry = given[0] ?? 'slides.md'
// The user's mistakes are found before a build of a minute: the settings, the deck and its polls, the port.
// Each ends `npm start` in one line with exit code 2, as the server would (server/entries/main.ts).
stopOnMistakes('Cannot start: ')
if (given.length > 1 || entry.startsWith('-'))
  throw new UserMistake(`npm start takes one thing, the path of a deck (npm start -- path/to/slides.md); got ${given.join(' ')}`)
const config = readConfig(process.env)
await loadDeck(entry)
const portError = config.port
  ? await listenError(config.port, config.host)
  : undefined
const portTaken = portError && portMistake(portError, config.port, config.host)
if (portTaken)
  stopOnMistake(`Cannot start: ${portTaken}`)
const deckDir = dirname(resolve(entry))
const dist = relative(process.cwd(), join(deckDir, 'dist')) || 'dist'
// The slides are built from the deck's files (Slidev's folders beside its entry) and this addon's.
const addonRoot = findAddonRoot()
const deckInputs = [
  entry,
  ...[
    'pages',
    'layouts',
    'components',
    'setup',
    'styles',
    'public',
    'snippets',
    'uno.config.ts',
    'vite.config.ts',
    'global-top.vue',
    'global-bottom.vue',
  ]
    .map(path => join(deckDir, path)),
  'package-lock.json',
  ...[
    'layouts',
    'components',
    'composables',
    'logic',
    'setup',
    'polls',
    'kinds',
    'i18n',
    'global-top.vue',
    'vite.config.ts',
  ].map(path => resolve(addonRoot, path)),
]
const base = config.basePath
// The base path is baked into the build: a different one means a rebuild.
const baseFile = join(dist, '.base')
const builtBase = existsSync(baseFile)
  ? readFileSync(baseFile, 'utf8')
  : '/'

interface Step { label: string, args: string[] }

const steps: Step[] = []
const deckStale = isStale(join(dist, 'index.html'), deckInputs) || builtBase !== base
if (deckStale) {
  steps.push({
    label: 'the deck',
    args: deckBuildArgs(entry, base, dist),
  })
}
// Slidev empties dist/ when it builds the deck, the apps in it included.
for (const name of deckStale
  ? (['vote', 'console'] as const)
  : staleApps(dist)) {
  steps.push({
    label: name === 'vote'
      ? 'the voting page'
      : 'the console',
    args: appBuildArgs(name, dist),
  })
}

// A process manager stops `npm start` with SIGTERM, a terminal with SIGINT: the build or the server goes with it.
let running: ChildProcess | undefined
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => running
    ? running.kill(signal)
    : process.exit(128 + constants.signals[signal]))
}

/** Runs one build, its output kept back and shown only if it fails. */
function build(step: Step): Promise<void> {
  return new Promise((resolve) => {
    const child = running = spawn(process.execPath, step.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    child.on('close', (code) => {
      if (code === 0)
        return resolve()
      process.stdout.write('failed\n\n')
      process.stderr.write(Buffer.concat(output))
      console.error(`\nBuilding ${step.label} failed (exit code ${code}).`)
      process.exit(code ?? 1)
    })
  })
}

if (steps.length > 0) {
  process.stdout.write(`Building ${new Intl.ListFormat('en').format(steps.map(s => s.label))}… `)
  const started = Date.now()
  for (const step of steps)
    await build(step)
  if (steps[0]!.label === 'the deck')
    writeFileSync(baseFile, base)
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`)
}

const { command, args } = serverCommand()
const server = running = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DECK_ENTRY: entry, DECK_DIST: dist },
})
server.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal
    ? 128 + constants.signals[signal]
    : 1)
})
