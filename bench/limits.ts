import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import process from 'node:process'

// Descriptors a process needs beyond its sockets: stdio, SQLite (db, WAL, shm), tsx, the event loop.
const SPARE_FDS = 256

function shellLimit(flag: string): number {
  const value = execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim()
  return value === 'unlimited'
    ? Number.POSITIVE_INFINITY
    : Number(value)
}

/**
 * Every child inherits this process's open-file limit, and the server holds one descriptor per phone (the
 * generators split theirs over two processes). Node cannot raise the limit itself, so a too-low one stops the
 * bench before it starts, with how to raise it, rather than showing up as mysterious connect failures.
 */
export function checkLimits(clients: number): void {
  const soft = shellLimit('-n')
  const hard = shellLimit('-Hn')
  const need = clients + SPARE_FDS
  if (soft < need) {
    console.error(`Open-file limit (ulimit -n) is ${soft}; ${clients} clients need about ${need} in the server process.`)
    console.error(need <= hard
      ? `Raise it in this shell, then run again:  ulimit -n ${Math.min(hard, Math.max(need, 65536))}`
      : `The hard limit is ${hard}: raise it first (e.g. /etc/security/limits.conf, or LimitNOFILE= for a service), then ulimit -n ${need}`)
    process.exit(1)
  }
  // Each phone to one server address uses its own ephemeral port.
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
    const ports = high! - low! + 1
    if (clients > ports) {
      console.error(`${clients} clients need more ephemeral ports than net.ipv4.ip_local_port_range allows (${ports}).`)
      process.exit(1)
    }
  }
  catch {}
}
