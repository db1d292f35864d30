import type { Buffer } from 'node:buffer'
import type { AddressInfo, Socket } from 'node:net'
import type { ConnectionSettings } from './connectionLimits.ts'
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { httpServerOptions, limitConnections, openFileLimit } from './connectionLimits.ts'

const settings: ConnectionSettings = {
  perAddress: 10,
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  handshakeTimeoutMs: 300,
  keepAliveTimeoutMs: 5000,
}
const SERVER_FULL = 'HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: 45\r\nretry-after: 5\r\nconnection: close\r\n\r\n{"error":"server busy: too many connections"}'
const TOO_MANY_FROM_ADDRESS = 'HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: 50\r\nretry-after: 10\r\nconnection: close\r\n\r\n{"error":"too many connections from your address"}'

const sockets: Socket[] = []
const servers: (() => Promise<void>)[] = []
afterEach(async () => {
  sockets.splice(0).forEach(s => s.destroy())
  await Promise.all(servers.splice(0).map(close => close()))
})

/** A server answering "ok" (and 101 to an upgrade) behind the limits, on a random port of 127.0.0.1. */
let requests = 0
/** The server's side of every connection, in the order they came, whether admitted or refused. */
let accepted: Socket[] = []
async function serve(limits: Partial<ConnectionSettings> & { max: number }): Promise<number> {
  requests = 0
  const server = createServer(httpServerOptions(settings), (_req, res) => {
    requests += 1
    res.end('ok')
  })
  const connections = limitConnections(server, {
    ...settings,
    ...limits,
  })
  accepted = []
  server.on('connection', (socket: Socket) => accepted.push(socket))
  const upgraded: Socket[] = []
  server.on('upgrade', (_req, socket: Socket, head: Buffer) => {
    upgraded.push(socket)
    socket.write('HTTP/1.1 101 Switching Protocols\r\nupgrade: test\r\nconnection: Upgrade\r\n\r\n')
    connections.upgraded(socket, head)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  servers.push(() => new Promise((resolve) => {
    server.closeAllConnections()
    upgraded.forEach(s => s.destroy())
    server.close(() => resolve())
  }))
  return (server.address() as AddressInfo).port
}

/** A connection from `from` that has had an answer: what the server wrote first, the socket kept open if it may. */
function open(port: number, request = 'GET / HTTP/1.1\r\nhost: x\r\n\r\n', from = '127.0.0.1', allowHalfOpen = false): Promise<{ socket: Socket, text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      port,
      host: '127.0.0.1',
      localAddress: from,
      allowHalfOpen,
    }, () => socket.write(request))
    sockets.push(socket)
    let text = ''
    socket.on('data', (chunk) => {
      text += chunk
      if (text.endsWith('ok') || text.endsWith('\r\n\r\n'))
        resolve({ socket, text })
    })
    socket.on('end', () => resolve({ socket, text }))
    socket.on('error', reject)
  })
}

function closed(socket: Socket): Promise<void> {
  return socket.closed
    ? Promise.resolve()
    : new Promise(resolve => socket.once('close', () => resolve()))
}
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('limitConnections', () => {
  it('admits exactly `max` connections; the next is answered 503, why and when to retry, and closed', async () => {
    const port = await serve({ max: 3 })
    for (let i = 0; i < 3; i++)
      expect((await open(port)).text).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*ok$/)
    const refused = await open(port)
    expect(refused.text).toBe(SERVER_FULL)
    await closed(refused.socket)
    // HTTP never saw the refused connection.
    expect(requests).toBe(3)
  })

  it('gives a connection\'s place back when it closes', async () => {
    const port = await serve({ max: 1 })
    const first = await open(port)
    expect((await open(port)).text).toBe(SERVER_FULL)
    first.socket.destroy()
    await sleep(100)
    expect((await open(port)).text).toMatch(/ok$/)
  })

  it('admits exactly `perAddress` from one address; the next from it is answered 429, another address is let in', async () => {
    const port = await serve({ max: 10, perAddress: 2 })
    await open(port)
    await open(port)
    expect((await open(port)).text).toBe(TOO_MANY_FROM_ADDRESS)
    expect((await open(port, undefined, '127.0.0.2')).text).toMatch(/ok$/)
  })

  it('gives an address its whole share back once its connections close', async () => {
    const port = await serve({ max: 10, perAddress: 2 })
    const mine = [await open(port), await open(port)]
    mine.forEach(c => c.socket.destroy())
    await sleep(100)
    expect((await open(port)).text).toMatch(/ok$/)
    expect((await open(port)).text).toMatch(/ok$/)
    expect((await open(port)).text).toBe(TOO_MANY_FROM_ADDRESS)
  })

  it('gives back one place per connection closed, not the address\'s whole share', async () => {
    const port = await serve({ max: 10, perAddress: 2 })
    const first = await open(port)
    await open(port)
    first.socket.destroy()
    await sleep(100)
    expect((await open(port)).text).toMatch(/ok$/)
    expect((await open(port)).text).toBe(TOO_MANY_FROM_ADDRESS)
  })

  it('gives a refused client that keeps its side open a second to read the answer, then cuts it', async () => {
    const port = await serve({ max: 0 })
    const started = Date.now()
    expect((await open(port, undefined, undefined, true)).text).toBe(SERVER_FULL)
    await closed(accepted[0]!)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('takes a refused client\'s reset in its stride', async () => {
    const port = await serve({ max: 0 })
    const refused = await open(port, undefined, undefined, true)
    // The server still lingers on its side, reading: the reset reaches it as an error on the socket.
    refused.socket.resetAndDestroy()
    await closed(accepted[0]!)
    expect((await open(port)).text).toBe(SERVER_FULL)
  })

  it('lets at most 64 refused clients linger at once: past those, one is cut at once', async () => {
    const port = await serve({ max: 0 })
    await Promise.all(Array.from({ length: 64 }, () => open(port, undefined, undefined, true)))
    const started = Date.now()
    const extra = connect({ port, host: '127.0.0.1', allowHalfOpen: true })
    sockets.push(extra)
    extra.on('error', () => {})
    await sleep(50)
    await closed(accepted[64]!)
    expect(Date.now() - started).toBeLessThan(500)
    expect(accepted.slice(0, 64).filter(s => s.closed)).toEqual([])
    // Once they are cut, places to linger are free again.
    await Promise.all(accepted.slice(0, 64).map(s => s.closed || closed(s)))
    const next = Date.now()
    await open(port, undefined, undefined, true)
    await closed(accepted[65]!)
    expect(Date.now() - next).toBeGreaterThanOrEqual(900)
  })

  it('cuts an upgraded socket whose first message does not come within the handshake timeout, and only that one', async () => {
    const port = await serve({ max: 10 })
    const upgrade = 'GET / HTTP/1.1\r\nhost: x\r\nconnection: Upgrade\r\nupgrade: test\r\n\r\n'
    const silent = await open(port, upgrade)
    const talking = await open(port, upgrade)
    talking.socket.write('hello')
    // The first message sent with the upgrade request itself counts too.
    const eager = await open(port, `${upgrade}hello`)
    const cut = closed(silent.socket)
    const started = Date.now()
    await cut
    expect(Date.now() - started).toBeGreaterThan(150)
    await sleep(200)
    expect([talking.socket.destroyed, eager.socket.destroyed]).toEqual([false, false])
  })
})

describe('the server\'s own timers', () => {
  it('are the settings, checked every second', () => {
    expect(httpServerOptions(settings)).toEqual({
      headersTimeout: 5000,
      requestTimeout: 10_000,
      keepAliveTimeout: 5000,
      connectionsCheckingInterval: 1000,
    })
  })

  it('the open-file limit is the shell\'s `ulimit -n`', () => {
    const shell = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()
    const expected = shell === 'unlimited'
      ? undefined
      : Number(shell)
    expect(openFileLimit()).toBe(expected)
    // Where there is no /proc (macOS, BSD), the shell's answer.
    expect(openFileLimit('/no/proc/self/limits')).toBe(expected)
  })
})
