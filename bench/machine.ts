import { cpus, loadavg, release, totalmem, type } from 'node:os'
import process from 'node:process'

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  os: string
  node: string
  /** 1, 5 and 15-minute load averages when the bench started and when it ended: other work on the machine shows here. */
  load: { start: number[], end: number[] }
}

const round = (n: number): number => Math.round(n * 100) / 100

/** The load averages now, rounded. */
export const loadNow = (): number[] => loadavg().map(round)

export function describeMachine(loadAtStart: number[]): Machine {
  const all = cpus()
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3 * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    load: {
      start: loadAtStart,
      end: loadNow(),
    },
  }
}
