import { cpus, release, totalmem, type } from 'node:os'
import process from 'node:process'

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  os: string
  node: string
}

export function describeMachine(): Machine {
  const all = cpus()
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3 * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
  }
}
