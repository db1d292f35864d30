import type { Server, ServerOptions } from 'node:http'
import type { Socket } from 'node:net'
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ConnectionSettings {
  /** Open connections (HTTP and WebSocket) for the whole server; undefined: derived from the open-file limit. */
  max?: number
  /** Open connections from one address. */
  perAddress: number
  headersTimeoutMs: number
  requestTimeoutMs: number
  /** From a WebSocket's upgrade to its first message (every client says hello at once). */
  handshakeTimeoutMs: number
  /** How long an idle keep-alive connection is kept for its next request. */
  keepAliveTimeoutMs: number
}

// Refused connections get their answer and up to a second to read it; past this many waiting, they are cut at once.
const MAX_LINGERING = 64
const LINGER_MS = 1000

/** The process's open-file limit (Linux: /proc; elsewhere the shell's `ulimit -n`), or undefined if unknown or unlimited. */
export function openFileLimit(procLimits = '/proc/self/limits'): number | undefined {
  try {
    const line = readFileSync(procLimits, 'utf8').split('\n').find(l => l.startsWith('Max open files'))
    return Number(line?.slice('Max open files'.length).trim().split(' ')[0]) || undefined
  }
  catch {
    try {
      return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()) || undefined
    }
    catch {
      return undefined
    }
  }
}

/**
 * The global connection ceiling: below the open-file limit by a tenth (at least 256), which is left for SQLite, the
 * static files being sent, refused connections and Node itself. A configured MAX_CONNECTIONS above it is lowered.
 */
export function connectionCeiling(configured: number | undefined, fileLimit: number | undefined): { max: number, lowered: boolean } {
  const bound = fileLimit === undefined
    ? Number.POSITIVE_INFINITY
    : fileLimit - Math.max(256, Math.floor(fileLimit / 10))
  const max = Math.max(1, Math.min(configured ?? bound, bound))
  return { max, lowered: configured !== undefined && max < configured }
}

/** Options for `http.createServer`: Node's own timers for slow headers and slow requests, checked every second. */
export function httpServerOptions(settings: ConnectionSettings): ServerOptions {
  return {
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    connectionsCheckingInterval: 1000,
  }
}

function refusal(status: 429 | 503, error: string, retryAfter: number): string {
  const body = JSON.stringify({ error })
  const reason = status === 429
    ? 'Too Many Requests'
    : 'Service Unavailable'
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nretry-after: ${retryAfter}\r\nconnection: close\r\n\r\n${body}`
}
const TOO_MANY_FROM_ADDRESS = refusal(429, 'too many connections from your address', 10)
const SERVER_FULL = refusal(503, 'server busy: too many connections', 5)

/**
 * Counts connections as they are accepted, before HTTP sees them: past the ceiling a connection is answered 503,
 * past its address's share 429, and closed, so neither one client nor a crowd can use up the file descriptors
 * every other request needs. HTTP's own connection handling runs only for accepted sockets.
 */
export function limitConnections(server: Server, settings: ConnectionSettings & { max: number }) {
  const http = server.listeners('connection') as ((socket: Socket) => void)[]
  server.removeAllListeners('connection')
  const byAddress = new Map<string, number>()
  let open = 0
  let lingering = 0

  function refuse(socket: Socket, answer: string): void {
    socket.on('error', () => socket.destroy())
    socket.end(answer)
    if (lingering >= MAX_LINGERING) {
      socket.destroy()
      return
    }
    // Unread bytes would turn the close into a reset that can swallow the answer: read and drop them meanwhile.
    socket.resume()
    lingering += 1
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    socket.once('close', () => {
      clearTimeout(timer)
      lingering -= 1
    })
  }

  // One shared listener, no closure per socket (Node keeps the peer's address after the close).
  function release(this: Socket): void {
    open -= 1
    const address = this.remoteAddress!
    const left = byAddress.get(address)! - 1
    if (left === 0)
      byAddress.delete(address)
    else byAddress.set(address, left)
  }

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress
    if (address === undefined)
      return socket.destroy()
    const fromAddress = byAddress.get(address) ?? 0
    if (open >= settings.max)
      return refuse(socket, SERVER_FULL)
    if (fromAddress >= settings.perAddress)
      return refuse(socket, TOO_MANY_FROM_ADDRESS)
    open += 1
    byAddress.set(address, fromAddress + 1)
    socket.on('close', release)
    for (const listener of http) listener.call(server, socket)
  })

  return {
    /** A WebSocket just upgraded: it is cut unless its first message arrives in time (or came with the upgrade). */
    upgraded(socket: Socket, head: Buffer): void {
      if (head.length > 0)
        return
      // No listener per socket (5,000 phones cost 12 MB that way): one timer that checks whether a byte came.
      const read = socket.bytesRead
      setTimeout(() => socket.bytesRead === read && socket.destroy(), settings.handshakeTimeoutMs).unref()
    },
  }
}
