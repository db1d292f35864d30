// Load benchmark for the poll server: simulated phones and one presenter against the real server (as `npm start`
// serves it) and against a bare `ws` baseline, side by side. It prints figures and writes bench/results.{json,md};
// it asserts nothing, and targets are printed as PASS/FAIL lines, not exit codes.
//   node --import tsx bench/run.ts [--clients 2000] [--rate 500] [--duration 20] [--ramp-per-second 2000] [--skip-baseline]
//     [--compare <git ref>: that version's server too, for a before/after] [--text-answers N: vote into a text poll holding N answers]
//     [--servers N: N processes on one fresh PostgreSQL database, beside one SQLite process] [--postgres: the same with N = 1]
import type { Target, TargetResult } from './scenario'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { checkoutAt } from './checkout'
import { abort, aborting, installCleanup } from './children'
import { checkLimits } from './limits'
import { describeMachine, loadNow } from './machine'
import { readOptions } from './options'
import { benchDir, root, serverScript, serverScriptIn } from './paths'
import { checkTargets, markdown } from './report'
import { runTarget, WARMUP_MS } from './scenario'

const options = readOptions(process.argv.slice(2))
if (!existsSync(join(root, 'dist/index.html'))) {
  console.error('dist/index.html is missing: the bench serves the built deck, as `npm start` does. Run `npm run build` first.')
  process.exit(1)
}
checkLimits(options.clients)
installCleanup()
const loadAtStart = loadNow()

const before = options.compare
  ? checkoutAt(options.compare)
  : undefined
process.on('exit', () => before?.remove())
const targets: Target[] = [
  // With PostgreSQL: its processes first (the ratios are theirs), then one SQLite process under the same load.
  ...(options.postgres
    ? [
        {
          name: `postgres ×${options.servers}`,
          script: serverScript,
          postgres: { servers: options.servers },
        },
        { name: 'sqlite ×1', script: serverScript },
      ]
    : [
        { name: 'ours', script: serverScript },
      ]),
  ...(before
    ? [
        // An earlier version may keep the server elsewhere (bench/paths.ts lists where it has been).
        {
          name: `before (${before.label})`,
          script: serverScriptIn(before.dir),
          cwd: before.dir,
        },
      ]
    : []),
  ...(options.skipBaseline
    ? []
    : [
        { name: 'baseline', script: 'bench/baselineServer.ts' },
      ]),
]

// Bounded no matter what: connecting, voting, draining and stopping each have a time limit; this catches the rest
// (and drops the run's PostgreSQL database on its way out).
const perTargetSeconds = options.clients / options.rampPerSecond + WARMUP_MS / 1000 + options.duration + 90
const watchdog = setTimeout(() => {
  console.error('bench: over its time budget; stopping everything')
  void abort(1)
}, perTargetSeconds * targets.length * 1000)
watchdog.unref()

async function main(): Promise<void> {
  try {
    const results: TargetResult[] = []
    for (const target of targets) {
      console.log(`${target.name}: starting ${target.script}`)
      results.push(await runTarget(target, options, line => console.log(line)))
    }
    const machine = describeMachine(loadAtStart)
    const checks = results.filter(r => r.name !== 'baseline').flatMap(r => checkTargets(r, options))
    const at = new Date()
    const text = markdown(machine, options, results, checks, at)
    writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify({
      at,
      machine,
      options,
      results,
      checks,
    }, null, 2)}\n`)
    writeFileSync(join(benchDir, 'results.md'), text)
    console.log(`\n${text}`)
  }
  catch (err) {
    if (!aborting())
      console.error('bench failed:', err)
    await abort(1)
  }
}

void main()
