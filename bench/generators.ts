import type { ChildProcess } from 'node:child_process'
import type { FromGenerator, GeneratorReport, SocketCounts, ToGenerator } from './protocol'
import { fork } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { awaitExit, track } from './children'
import { benchDir } from './paths'

// Two generator processes on this 2-core machine: enough to keep the client side from being the bottleneck,
// few enough to leave the server its share of the CPUs.
const PROCESSES = Math.min(2, availableParallelism())

export interface VotePlan {
  rate: number
  startAt: number
  endAt: number
  drainMs: number
}

export interface Generators {
  pids: number[]
  /** Connects `clients` phones, spread round-robin over `urls` (one per server process). */
  connect: (urls: string[], clients: number, rampPerSecond: number, onProgress: (counts: SocketCounts) => void) => Promise<SocketCounts>
  vote: (plan: VotePlan) => Promise<void>
  report: () => Promise<GeneratorReport[]>
  stop: () => Promise<void>
}

function sum(all: SocketCounts[]): SocketCounts {
  return all.reduce(
    (a, b) => ({
      open: a.open + b.open,
      welcomed: a.welcomed + b.welcomed,
      failed: a.failed + b.failed,
      settled: a.settled + b.settled,
    }),
    {
      open: 0,
      welcomed: 0,
      failed: 0,
      settled: 0,
    },
  )
}

/** The i-th of n near-equal shares of total. */
function share(total: number, i: number, n: number): number {
  return Math.floor(total / n) + (i < total % n
    ? 1
    : 0)
}

/** Waits for the next message of `type` from a generator; fails if the process exits first. */
function next<T extends FromGenerator['type']>(child: ChildProcess, type: T): Promise<Extract<FromGenerator, { type: T }>> {
  return new Promise((resolve, reject) => {
    function cleanup(): void {
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    function onMessage(message: FromGenerator): void {
      if (message.type === type) {
        cleanup()
        resolve(message as Extract<FromGenerator, { type: T }>)
      }
    }
    function onExit(code: number | null): void {
      cleanup()
      reject(new Error(`load generator exited (${code}) while waiting for "${type}"`))
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** Forks the load-generator processes and drives them through connect → vote → report, phase by phase. */
export function forkGenerators(): Generators {
  const children = Array.from({ length: PROCESSES }, () => track(fork(join(benchDir, 'loadgen.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })))
  const tell = (child: ChildProcess, message: ToGenerator): void => void child.send(message)
  let clients = 0
  let reported = false

  return {
    pids: children.map(c => c.pid!),
    async connect(urls, total, rampPerSecond, onProgress) {
      clients = total
      const latest = children.map((): SocketCounts => ({
        open: 0,
        welcomed: 0,
        failed: 0,
        settled: 0,
      }))
      children.forEach((child, i) => child.on('message', (message: FromGenerator) => {
        if (message.type === 'progress' || message.type === 'connected') {
          latest[i] = message.counts
          onProgress(sum(latest))
        }
      }))
      const done = children.map(child => next(child, 'connected'))
      children.forEach((child, i) => tell(child, {
        type: 'connect',
        urls,
        // Where this generator's phones start in the round-robin, so that the processes get near-equal shares.
        offset: Array.from({ length: i }, (_, k) => share(total, k, children.length)).reduce((a, b) => a + b, 0),
        clients: share(total, i, children.length),
        rampPerSecond: rampPerSecond / children.length,
      }))
      return sum((await Promise.all(done)).map(m => m.counts))
    },
    async vote(plan) {
      const done = children.map(child => next(child, 'voted'))
      // Each process votes in proportion to its phones, so the total is `rate` and every phone votes equally often.
      children.forEach((child, i) => tell(child, { type: 'vote', ...plan, rate: (plan.rate * share(clients, i, children.length)) / clients }))
      await Promise.all(done)
    },
    async report() {
      const reports = children.map(child => next(child, 'report'))
      children.forEach(child => tell(child, { type: 'report' }))
      const all = (await Promise.all(reports)).map(({ type: _, ...report }) => report)
      reported = true
      return all
    },
    async stop() {
      // After `report` they close their sockets and exit by themselves; stragglers (or all, on an error) are killed.
      await Promise.all(children.map(child => awaitExit(child, reported ? 10_000 : 0)))
    },
  }
}
