import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { now } from './clock'

// Kernel ticks per second for /proc/<pid>/stat times (almost always 100).
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  }
  catch {
    return 100
  }
})()

/** Resident memory of a process in bytes (VmRSS), or undefined once it has gone. */
export function rssBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined
      ? undefined
      : Number(kb) * 1024
  }
  catch {
    return undefined
  }
}

/** CPU time (user + system) a process has used, in seconds; NaN once it has gone (so a figure spanning its exit is "–"). */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  }
  catch {
    return Number.NaN
  }
}

export interface RssSampler {
  readonly peak: number
  readonly last: number
  stop: () => void
}

/** Samples a process's RSS every `everyMs`, keeping the peak: one reading at the end would miss a transient high. */
export function sampleRss(pid: number, everyMs = 200): RssSampler {
  let peak = 0
  let last = 0
  const read = (): void => {
    last = rssBytes(pid) ?? last
    peak = Math.max(peak, last)
  }
  read()
  const timer = setInterval(read, everyMs)
  return {
    get peak() {
      read()
      return peak
    },
    get last() {
      read()
      return last
    },
    stop: () => clearInterval(timer),
  }
}

/** CPU the processes use between two instants (epoch ms, clock.ts), in % of one core. */
export function cpuPercentBetween(pids: number[], from: number, to: number): Promise<number> {
  const total = (): number => pids.reduce((s, pid) => s + cpuSeconds(pid), 0)
  return new Promise((resolve) => {
    let start = 0
    setTimeout(() => (start = total()), from - now())
    setTimeout(() => resolve(((total() - start) / ((to - from) / 1000)) * 100), to - now())
  })
}

/** Busy CPU time of the whole machine so far, in seconds (all cores, from /proc/stat). */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).map(Number)
  return (user! + nice! + system! + irq! + softirq! + steal!) / ticksPerSecond
}

/**
 * The whole machine's busy CPU between two instants, in % of one core: set beside the server's and generators'
 * figures it shows whether something else on the machine competed during the measurement.
 */
export function machineCpuPercentBetween(from: number, to: number): Promise<number> {
  return new Promise((resolve) => {
    let start = 0
    setTimeout(() => (start = machineBusySeconds()), from - now())
    setTimeout(() => resolve(((machineBusySeconds() - start) / ((to - from) / 1000)) * 100), to - now())
  })
}

/** CPU seconds of PostgreSQL's processes over a stretch of time, split by what they serve. */
export interface PostgresCpu {
  /** Backends connected to the run's database: the server processes' pools and listeners. */
  ours: number
  /** The postmaster and its background processes (WAL writer, checkpointer, …), which every database shares. */
  background: number
  /** Backends of other databases: other work on this machine, left out of the cost per vote. */
  others: number
}

type PostgresRole = keyof PostgresCpu

/**
 * Every `postgres` process now, with its CPU seconds and role. A client backend's title is
 * "postgres: <cluster>: <user> <database> <host>(<port>) <state>"; any other title is PostgreSQL's own.
 */
function postgresProcesses(database: string): Map<number, { cpu: number, role: PostgresRole }> {
  const found = new Map<number, { cpu: number, role: PostgresRole }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    const pid = Number(entry)
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres')
        continue
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      const backend = /^postgres: \S+: \S+ (\S+) \S+\(\d+\)/.exec(title)
      const cpu = cpuSeconds(pid)
      if (!Number.isNaN(cpu)) {
        found.set(pid, {
          cpu,
          role: !backend
            ? 'background'
            : backend[1] === database
              ? 'ours'
              : 'others',
        })
      }
    }
    catch {} // gone meanwhile
  }
  return found
}

/**
 * CPU seconds PostgreSQL's processes on this machine use between two instants (epoch ms). A process that starts
 * meanwhile counts from zero; one that ends meanwhile is missed (the server processes keep their connections).
 */
export function postgresCpuBetween(database: string, from: number, to: number): Promise<PostgresCpu> {
  return new Promise((resolve) => {
    let start = new Map<number, { cpu: number, role: PostgresRole }>()
    setTimeout(() => (start = postgresProcesses(database)), from - now())
    setTimeout(() => {
      const used: PostgresCpu = { ours: 0, background: 0, others: 0 }
      for (const [pid, { cpu, role }] of postgresProcesses(database))
        used[role] += cpu - (start.get(pid)?.cpu ?? 0)
      resolve(used)
    }, to - now())
  })
}
