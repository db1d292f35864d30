import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import { serverCommand } from '../packages/slidev-addon-live-polls/server/entries/command'
import { stopChild, track } from './children'
import { sleep } from './clock'
import { LOOPBACK } from './loopback'
import { root } from './paths'

export interface ServerHandle {
  child: ChildProcess
  pid: number
  url: string
  wsUrl: string
  /** How the server ended if it did so before `stop`, with the tail of its output; undefined while it runs. */
  readonly crash: string | undefined
  stop: () => Promise<void>
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, LOOPBACK, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    }).on('error', reject)
  })
}

/**
 * Starts a server script exactly as `npm start` serves the built deck (server/entries/command.ts: a process holding only
 * the server) on a free loopback port, and waits until GET /api/health answers.
 */
export async function startServer(script: string, env: Record<string, string>, cwd = root): Promise<ServerHandle> {
  const port = await freePort()
  // BENCH_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", lets a slow run be profiled as it happens.
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
  const { command, args } = serverCommand(script, flags)
  const child = track(spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      ...env,
      HOST: LOOPBACK,
      PORT: String(port),
    },
    // stdin stays open so the baseline server can exit when the bench does; output is drained so a full pipe
    // never blocks the server, and its tail is kept for an error message.
    stdio: ['pipe', 'pipe', 'pipe'],
  }))
  let tail = ''
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)

  const url = `http://${LOOPBACK}:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode} before answering:\n${tail}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${script} did not answer /api/health within 30 s:\n${tail}`)
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        break
    }
    catch {}
    await sleep(100)
  }
  let stopping = false
  let crash: string | undefined
  child.once('exit', (code, signal) => {
    if (!stopping)
      crash = `${script} exited on its own (${signal ?? `code ${code}`}); its last output:\n${tail}`
  })
  return {
    child,
    pid: child.pid!,
    url,
    wsUrl: `ws://${LOOPBACK}:${port}/ws`,
    get crash() {
      return crash
    },
    stop: () => {
      stopping = true
      return stopChild(child)
    },
  }
}

/**
 * Starts `count` processes of the same server with the same environment (one database), each on its own port.
 * If one fails to start, the others are stopped before the error is passed on.
 */
export async function startServers(count: number, script: string, env: Record<string, string>, cwd = root): Promise<ServerHandle[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(script, env, cwd)))
  const servers = started.flatMap(s => s.status === 'fulfilled'
    ? [s.value]
    : [])
  const failed = started.find(s => s.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map(s => s.stop()))
    throw failed.reason
  }
  return servers
}
