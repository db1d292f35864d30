import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { freePort } from './serverProcess.ts'

/** Debian's HAProxy (`apt-get install -y haproxy`), or the binary HAPROXY names. */
export const haproxyBinary = process.env.HAPROXY ?? '/usr/sbin/haproxy'

export interface Backend {
  /** The server's name in HAProxy: what the X-Served-By response header says. */
  name: string
  port: number
}

export interface LoadBalancer {
  url: string
  port: number
  /** What HAProxy printed so far (warnings, servers going down and up): for messages when a test fails. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * What a site would put in front of several poll servers sharing one PostgreSQL database (the shape in the addon README's Deployment):
 * WebSockets kept open as tunnels, a backend that stops answering GET /api/health taken out within about half a
 * second, and a request that a dead backend refused, or took and never answered, tried again on a live one (a
 * vote sent twice stores the same answer once). Round robin, so a test knows its phones are spread evenly; each
 * response says which backend served it (X-Served-By).
 */
function config(port: number, backends: Backend[]): string {
  return `global
  maxconn 4096
  # Each request and each server going down or up, on stderr: output() for a failing test's message.
  log stderr format raw local0 info

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # An open WebSocket is a tunnel: it may stay quiet between votes.
  timeout tunnel 1h
  # Longer than undici's idle keep-alive (4 s), so the client, not HAProxy, closes an idle connection.
  timeout http-keep-alive 10s
  option forwardfor
  retries 3
  # A backend killed mid-request resets a connection it had accepted: empty-response retries that too.
  retry-on conn-failure empty-response
  # Every retry goes to another server, not only the last one (the others wait a second on the same one).
  option redispatch 1

frontend polls
  bind 127.0.0.1:${port}
  default_backend servers

backend servers
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/health ver HTTP/1.1 hdr host localhost
  http-check expect status 200
  http-response set-header X-Served-By %[srv_name]
  default-server check inter 250ms fastinter 100ms downinter 250ms fall 2 rise 2
${backends.map(b => `  server ${b.name} 127.0.0.1:${b.port}`).join('\n')}
`
}

/** Starts HAProxy in front of `backends` on a free port, and resolves once it answers GET /api/health. */
export async function startLoadBalancer(backends: Backend[]): Promise<LoadBalancer> {
  if (!existsSync(haproxyBinary))
    throw new Error(`HAProxy not found at ${haproxyBinary}: apt-get install -y haproxy, or set HAPROXY`)
  const dir = mkdtempSync(join(tmpdir(), 'polls-haproxy-'))
  const port = await freePort()
  const file = join(dir, 'haproxy.cfg')
  writeFileSync(file, config(port, backends))
  // -db: in the foreground, so killing this child ends HAProxy.
  const child: ChildProcess = spawn(haproxyBinary, ['-db', '-f', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`HAProxy exited (${child.exitCode ?? child.signalCode}):\n${output}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`HAProxy did not answer /api/health within 30 s:\n${output}`)
    }
    if (await fetch(`${url}/api/health`).then(r => r.ok, () => false))
      break
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    port,
    output: () => output,
    stop,
  }
}
