import type { BenchDatabase } from './database'
import type { Generators } from './generators'
import type { SocketMetrics, VoteMetrics } from './metrics'
import type { BenchOptions } from './options'
import type { PostgresFigures } from './postgresStats'
import type { Presenter } from './presenter'
import type { RssSampler } from './procfs'
import type { SocketCounts } from './protocol'
import type { ServerHandle } from './server'
import type { Tally } from './tally'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPostgresStore } from '../packages/slidev-addon-live-polls/server/stores/postgresStore'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { now, sleep } from './clock'
import { createBenchDatabase } from './database'
import { forkGenerators } from './generators'
import { mergeErrors, socketMetrics, voteMetrics } from './metrics'
import { measurePostgres } from './postgresStats'
import { connectPresenter } from './presenter'
import { cpuPercentBetween, machineCpuPercentBetween, sampleRss } from './procfs'
import { seedTextAnswers, TEXT_POLL } from './seed'
import { startServers } from './server'
import { mergeTallies, tallyDifference } from './tally'

/** The poll the presenter puts on screen: the talk's first, or its open-text poll for `--text-answers`. */
const pollFor = (options: BenchOptions): string => options.textAnswers ? TEXT_POLL : 'has-ospo'
/** Voting before the measured window, so start-up effects (JIT, first SQLite pages) are not counted. */
export const WARMUP_MS = 2000
/** How long unanswered votes are waited for after the last is sent. */
const DRAIN_MS = 3000
/** After the last ack, how long the presenter may still wait for the results that include it. */
const RESULTS_GRACE_MS = 1000
/** Then how long the presenter's figures may take to reach the acknowledged votes before they count as lost. */
const FINAL_COUNT_MS = 5000

export interface Target {
  name: string
  script: string
  /** Where the script runs from (an earlier version's checkout); the project root by default. */
  cwd?: string
  /** This many processes of the script on one fresh PostgreSQL database; unset: one process on its own SQLite file. */
  postgres?: { servers: number }
}

/** One server process's figures. */
export interface ProcessResult {
  /** Phones it greeted with `welcome`. */
  phones: number
  rssMb: { idle: number, held: number, peak: number }
  /** % of one core during the measured window. */
  cpu: number
}

/** The presenter's last figures against what the acknowledged votes add up to. */
export interface FinalCount {
  expected: Tally
  shown?: Tally
  /** 0 when the presenter shows every acknowledged vote (tally.ts, tallyDifference). */
  difference: number
}

export interface TargetResult {
  name: string
  /** The server script that ran, as `Target.script` names it. */
  script: string
  clients: number
  connectSeconds: number
  afterRamp: SocketCounts
  atEnd: SocketMetrics
  /** The largest of the server processes' figures (there is one process unless `postgres`). */
  rssMb: { idle: number, held: number, peak: number }
  /** % of one core during the measured window, all server processes together. */
  serverCpu: number
  processes: ProcessResult[]
  /** The run's database: what PostgreSQL did during the measured window. */
  postgres?: PostgresFigures
  generatorCpu: number
  /** All processes on the machine, the bench's included. */
  machineCpu: number
  votes: VoteMetrics
  finalCount: FinalCount
  errors: Record<string, number>
  presenterClosed: boolean
  /** Set when the server process ended during the run. */
  crash?: string
  /**
   * Everything that went wrong, summed: failed or unfinished connects, closes, error messages, lost votes, and
   * the presenter's final count differing from the acknowledged votes.
   */
  errorTotal: number
}

const mb = (bytes: number): number => Math.round(bytes / 1048576)

/**
 * Every simulated phone comes from 127.0.0.1, one address: the per-address budgets (the addon README, Settings for a hostile room) are
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

/** Starts the target's server processes on a fresh database of their own, having stored `--text-answers` first. */
async function startTarget(target: Target, options: BenchOptions, env: Record<string, string>, dir: string, log: (line: string) => void): Promise<{ servers: ServerHandle[], database?: BenchDatabase }> {
  const database = target.postgres && await createBenchDatabase()
  try {
    const file = join(dir, 'polls.sqlite')
    const storage: Record<string, string> = database
      ? { DATABASE_URL: database.url }
      : { POLL_DB: file }
    if (options.textAnswers) {
      log(`  ${target.name}: storing ${options.textAnswers} answers in "${TEXT_POLL}" first`)
      await seedTextAnswers(database
        ? await createPostgresStore(database.url)
        : createSqliteStore(file), options.textAnswers)
    }
    const servers = await startServers(target.postgres?.servers ?? 1, target.script, {
      ...env,
      ...storage,
    }, target.cwd)
    return { servers, database: database || undefined }
  }
  catch (err) {
    await database?.drop()
    throw err
  }
}

/**
 * One full run against one target: start its server processes, present on the first, connect the audience
 * round-robin over them, vote, collect, check the presenter's final count, and stop everything.
 */
export async function runTarget(target: Target, options: BenchOptions, log: (line: string) => void): Promise<TargetResult> {
  const dir = mkdtempSync(join(tmpdir(), 'poll-bench-'))
  const token = randomBytes(18).toString('base64url')
  let servers: ServerHandle[] = []
  let database: BenchDatabase | undefined
  let rss: RssSampler[] = []
  let presenter: Presenter | undefined
  let generators: Generators | undefined
  try {
    ({ servers, database } = await startTarget(target, options, {
      PRESENTER_TOKEN: token,
      ...loopbackBudgets(options),
    }, dir, log))
    rss = servers.map(server => sampleRss(server.pid))
    presenter = await connectPresenter(servers[0]!.wsUrl, token, pollFor(options))
    const idle = rss.map(r => r.last)
    generators = forkGenerators()

    const connectStart = now()
    let loggedAt = connectStart
    const afterRamp = await generators.connect(servers.map(s => s.wsUrl), options.clients, options.rampPerSecond, (counts) => {
      if (now() - loggedAt >= 1000) {
        loggedAt = now()
        log(`  ${target.name}: ${counts.open} open, ${counts.welcomed} welcomed, ${counts.failed} failed`)
      }
    })
    const connectSeconds = (now() - connectStart) / 1000
    const held = rss.map(r => r.last)
    log(`  ${target.name}: ${afterRamp.open}/${options.clients} sockets open after ${connectSeconds.toFixed(1)} s${servers.length > 1
      ? ` over ${servers.length} processes`
      : ''}; voting ${WARMUP_MS / 1000} s warm-up + ${options.duration} s at ${options.rate}/s`)

    const startAt = now() + 300
    const window = { from: startAt + WARMUP_MS, to: startAt + WARMUP_MS + options.duration * 1000 }
    const processCpu = Promise.all(servers.map(server => cpuPercentBetween([server.pid], window.from, window.to)))
    const generatorCpu = cpuPercentBetween(generators.pids, window.from, window.to)
    const machineCpu = machineCpuPercentBetween(window.from, window.to)
    // Never rejects: a failed reading leaves the PostgreSQL figures out rather than ending the run. ANALYZE at the
    // end of the warm-up gives the planner the statistics autovacuum gathers once a new table has 50 rows: without
    // them (a fresh database, or autovacuum off as on this project's CI server) each process's read of the votes
    // other processes took scans the whole poll, and the window would measure that instead (--skip-analyze).
    const postgres = database && measurePostgres(database.url, database.name, window.from, window.to, !options.skipAnalyze).catch((err: unknown) => {
      log(`  ${target.name}: could not read PostgreSQL's counters: ${(err as Error).message}`)
      return undefined
    })
    await generators.vote({
      rate: options.rate,
      startAt,
      endAt: window.to,
      drainMs: DRAIN_MS,
    })
    // Time for the results broadcast that follows the last acks to reach the presenter.
    await sleep(RESULTS_GRACE_MS)
    const reports = await generators.report()

    // Every acknowledged vote must end up in the presenter's figures, whichever process took it.
    const seeded = { participants: options.textAnswers }
    const expected = mergeTallies([
      seeded,
      ...reports.map(r => r.tally),
    ])
    const countDeadline = now() + FINAL_COUNT_MS
    while (tallyDifference(expected, presenter.shown) > 0 && now() < countDeadline)
      await sleep(50)
    const finalCount: FinalCount = {
      expected,
      shown: presenter.shown,
      difference: tallyDifference(expected, presenter.shown),
    }

    const atEnd = socketMetrics(reports)
    const votes = voteMetrics(reports, presenter.resultsAt, window)
    const errors = mergeErrors([
      ...reports.map(r => r.errors),
      presenter.errors,
    ])
    const errorMessages = Object.values(errors).reduce((a, b) => a + b, 0)
    const presenterClosed = presenter.unexpectedClose
    const crashes = servers.flatMap(s => s.crash
      ? [s.crash]
      : [])
    for (const crash of crashes)
      log(`  ${target.name}: ${crash}`)
    const cpus = await processCpu
    const processes = servers.map((_, i): ProcessResult => ({
      phones: reports.reduce((n, r) => n + (r.welcomedByServer[i] ?? 0), 0),
      rssMb: {
        idle: mb(idle[i]!),
        held: mb(held[i]!),
        peak: mb(rss[i]!.peak),
      },
      cpu: cpus[i]!,
    }))
    const largest = (pick: (p: ProcessResult) => number): number => Math.max(...processes.map(pick))
    return {
      name: target.name,
      script: target.script,
      clients: options.clients,
      connectSeconds,
      afterRamp,
      atEnd,
      rssMb: {
        idle: largest(p => p.rssMb.idle),
        held: largest(p => p.rssMb.held),
        peak: largest(p => p.rssMb.peak),
      },
      serverCpu: cpus.reduce((a, b) => a + b, 0),
      processes,
      postgres: await postgres,
      generatorCpu: await generatorCpu,
      machineCpu: await machineCpu,
      votes,
      finalCount,
      errors,
      presenterClosed,
      crash: crashes.length
        ? crashes.join('\n')
        : undefined,
      errorTotal: crashes.length + atEnd.failed + (options.clients - atEnd.settled) + atEnd.unexpectedCloses + errorMessages
        + votes.lost + votes.notSent + votes.unseenByPresenter + Number(presenterClosed) + finalCount.difference,
    }
  }
  finally {
    await presenter?.close()
    await generators?.stop()
    rss.forEach(r => r.stop())
    await Promise.all(servers.map(server => server.stop()))
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}
