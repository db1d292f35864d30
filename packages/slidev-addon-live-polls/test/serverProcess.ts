import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { serverCommand } from '../server/entries/command'

/** The repository (the npm workspace root), where `npm start` runs. */
export const root = resolve(import.meta.dirname, '..', '..', '..')

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => ok(port))
    }).on('error', fail)
  })
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'polls-')), 'polls.sqlite')
}

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/** Starts `npm start`'s server (on the built deck) as its own process and waits until it answers. */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? await freePort()
  const { command, args } = serverCommand()
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(p),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = `http://127.0.0.1:${p}`
  // Generous: on a loaded 2-core box, starting tsx and the server can take many seconds.
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('server did not answer /api/health within 60 s')
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        break
    }
    catch {}
    await new Promise(r => setTimeout(r, 100))
  }
  return {
    url,
    port: p,
    child,
    stop: signal => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return done()
      child.once('exit', () => done())
      child.kill(signal ?? 'SIGTERM')
    }),
  }
}
