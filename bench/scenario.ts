import type { Generators } from './generators'
import type { SocketMetrics, VoteMetrics } from './metrics'
import type { BenchOptions } from './options'
import type { Presenter } from './presenter'
import type { RssSampler } from './procfs'
import type { SocketCounts } from './protocol'
import type { ServerHandle } from './server'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { now, sleep } from './clock'
import { forkGenerators } from './generators'
import { mergeErrors, socketMetrics, voteMetrics } from './metrics'
import { connectPresenter } from './presenter'
import { cpuPercentBetween, machineCpuPercentBetween, sampleRss } from './procfs'
import { seedTextAnswers, TEXT_POLL } from './seed'
import { startServer } from './server'

/** The poll the presenter puts on screen: the talk's first, or its open-text poll for `--text-answers`. */
const pollFor = (options: BenchOptions): string => options.textAnswers ? TEXT_POLL : 'has-ospo'
/** Voting before the measured window, so start-up effects (JIT, first SQLite pages) are not counted. */
export const WARMUP_MS = 2000
/** How long unanswered votes are waited for after the last is sent. */
const DRAIN_MS = 3000
/** After the last ack, how long the presenter may still wait for the results that include it. */
const RESULTS_GRACE_MS = 1000

export interface Target {
  name: string
  script: string
  /** Where the script runs from (an earlier version's checkout); the project root by default. */
  cwd?: string
}

export interface TargetResult {
  name: string
  clients: number
  connectSeconds: number
  afterRamp: SocketCounts
  atEnd: SocketMetrics
  rssMb: { idle: number, held: number, peak: number }
  /** % of one core during the measured window. */
  serverCpu: number
  generatorCpu: number
  /** All processes on the machine, the bench's included. */
  machineCpu: number
  votes: VoteMetrics
  errors: Record<string, number>
  presenterClosed: boolean
  /** Set when the server process ended during the run. */
  crash?: string
  /** Everything that went wrong, summed: failed or unfinished connects, closes, error messages, lost votes. */
  errorTotal: number
}

const mb = (bytes: number): number => Math.round(bytes / 1048576)

/**
 * Every simulated phone comes from 127.0.0.1, one address: the per-address budgets (README, Resilience) are
 * raised to fit the run, with room to spare, so they are measured at work rather than refusing the bench.
 */
function loopbackBudgets(options: BenchOptions): Record<string, string> {
  return {
    WS_SOCKETS_PER_ADDRESS: String(options.clients + 100),
    MAX_CONNECTIONS_PER_ADDRESS: String(options.clients + 100),
    // Half a minute's budget may come at once: every phone's hello in the ramp, and the votes at twice their rate.
    WS_MESSAGES_PER_ADDRESS_PER_MINUTE: String(Math.ceil(2 * (options.clients + options.rate * 60))),
  }
}

/** One full run against one server: start it, present, connect the audience, vote, collect, and stop everything. */
export async function runTarget(target: Target, options: BenchOptions, log: (line: string) => void): Promise<TargetResult> {
  const dir = mkdtempSync(join(tmpdir(), 'poll-bench-'))
  const token = randomBytes(18).toString('base64url')
  let server: ServerHandle | undefined
  let rss: RssSampler | undefined
  let presenter: Presenter | undefined
  let generators: Generators | undefined
  try {
    const db = join(dir, 'polls.sqlite')
    if (options.textAnswers) {
      log(`  ${target.name}: storing ${options.textAnswers} answers in "${TEXT_POLL}" first`)
      await seedTextAnswers(db, options.textAnswers)
    }
    server = await startServer(target.script, {
      POLL_DB: db,
      PRESENTER_TOKEN: token,
      ...loopbackBudgets(options),
    }, target.cwd)
    rss = sampleRss(server.pid)
    presenter = await connectPresenter(server.wsUrl, token, pollFor(options))
    const idle = rss.last
    generators = forkGenerators()

    const connectStart = now()
    let loggedAt = connectStart
    const afterRamp = await generators.connect(server.wsUrl, options.clients, options.rampPerSecond, (counts) => {
      if (now() - loggedAt >= 1000) {
        loggedAt = now()
        log(`  ${target.name}: ${counts.open} open, ${counts.welcomed} welcomed, ${counts.failed} failed`)
      }
    })
    const connectSeconds = (now() - connectStart) / 1000
    const held = rss.last
    log(`  ${target.name}: ${afterRamp.open}/${options.clients} sockets open after ${connectSeconds.toFixed(1)} s; voting ${WARMUP_MS / 1000} s warm-up + ${options.duration} s at ${options.rate}/s`)

    const startAt = now() + 300
    const window = { from: startAt + WARMUP_MS, to: startAt + WARMUP_MS + options.duration * 1000 }
    const serverCpu = cpuPercentBetween([server.pid], window.from, window.to)
    const generatorCpu = cpuPercentBetween(generators.pids, window.from, window.to)
    const machineCpu = machineCpuPercentBetween(window.from, window.to)
    await generators.vote({
      rate: options.rate,
      startAt,
      endAt: window.to,
      drainMs: DRAIN_MS,
    })
    // Time for the results broadcast that follows the last acks to reach the presenter.
    await sleep(RESULTS_GRACE_MS)
    const reports = await generators.report()

    const atEnd = socketMetrics(reports)
    const votes = voteMetrics(reports, presenter.resultsAt, window)
    const errors = mergeErrors([
      ...reports.map(r => r.errors),
      presenter.errors,
    ])
    const errorMessages = Object.values(errors).reduce((a, b) => a + b, 0)
    const presenterClosed = presenter.unexpectedClose
    if (server.crash)
      log(`  ${target.name}: ${server.crash}`)
    return {
      name: target.name,
      clients: options.clients,
      connectSeconds,
      afterRamp,
      atEnd,
      rssMb: {
        idle: mb(idle),
        held: mb(held),
        peak: mb(rss.peak),
      },
      serverCpu: await serverCpu,
      generatorCpu: await generatorCpu,
      machineCpu: await machineCpu,
      votes,
      errors,
      presenterClosed,
      crash: server.crash,
      errorTotal: Number(server.crash !== undefined) + atEnd.failed + (options.clients - atEnd.settled) + atEnd.unexpectedCloses + errorMessages
        + votes.lost + votes.notSent + votes.unseenByPresenter + Number(presenterClosed),
    }
  }
  finally {
    await presenter?.close()
    await generators?.stop()
    rss?.stop()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
