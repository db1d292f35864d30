import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { expect } from 'vitest'
import { freePort, root, tempDb } from '../packages/slidev-addon-live-polls/test/serverProcess'

export interface NpmStart {
  npm: ChildProcess
  port: number
  url: string
  /** Everything `npm start` printed so far, stdout and stderr. */
  output: () => string
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** `npm start [-- args]` as a presenter runs it, on a free port and a throwaway database, once it answers `/api/health`. */
export async function npmStart(args: string[], token: string, timeoutMs: number): Promise<NpmStart> {
  const port = await freePort()
  const npm = spawn('npm', [
    'start',
    ...(args.length
      ? ['--', ...args]
      : []),
  ], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      POLL_DB: tempDb(),
      PRESENTER_TOKEN: token,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  npm.stdout.on('data', chunk => (output += chunk))
  npm.stderr.on('data', chunk => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  try {
    while (!(await fetch(`${url}/api/health`).then(r => r.ok, () => false))) {
      expect(npm.exitCode, output).toBeNull()
      expect(Date.now() < deadline, `no answer within ${timeoutMs / 1000} s:\n${output}`).toBe(true)
      await sleep(200)
    }
  }
  catch (err) {
    npm.kill('SIGKILL')
    throw err
  }
  return {
    npm,
    port,
    url,
    output: () => output,
  }
}
