import type { ServerProcess } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { closedWithin, openSocket, rawExchange, rawGet } from '../../packages/slidev-addon-live-polls/test/rawHttp'
import { startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist } from '../fixtureDist'

// Small budgets so the test is quick; the defaults are in the addon README's "Settings for a hostile room".
const PER_ADDRESS = 20
const MAX = 45
let server: ServerProcess
beforeAll(async () => {
  server = await startServer({
    DECK_DIST: fixtureDist(),
    POLL_DB: tempDb(),
    MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
    MAX_CONNECTIONS: String(MAX),
    HEADERS_TIMEOUT: '1',
    REQUEST_TIMEOUT: '2',
    HANDSHAKE_TIMEOUT: '1',
  })
}, 30_000)
afterAll(() => server.stop('SIGKILL'))

interface Phone { ws: WebSocket, status?: number }

/** A phone's WebSocket from `localAddress` that says hello; `status` is set when the upgrade was refused. */
function phone(localAddress: string, n: number): Promise<Phone> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { localAddress })
    ws.on('error', () => resolve({ ws, status: 0 }))
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', participant: `phone-${localAddress.replaceAll('.', '-')}-${n}` }))
      resolve({ ws })
    })
    ws.once('unexpected-response', (req, res) => {
      resolve({ ws, status: res.statusCode })
      req.destroy()
    })
  })
}

function closeAll(phones: Phone[]): Promise<unknown> {
  return Promise.all(phones.map(p => new Promise((resolve) => {
    if (p.ws.readyState === WebSocket.CLOSED)
      return resolve(undefined)
    p.ws.once('close', resolve)
    p.ws.terminate()
  })))
}

/** Retries a GET until it is answered 200 (the server counts a closed connection down as the close arrives). */
async function eventuallyOk(path: string, localAddress: string): Promise<void> {
  const deadline = Date.now() + 5000
  while ((await rawGet(server.port, path, {}, { localAddress })).status !== 200) {
    if (Date.now() > deadline)
      throw new Error(`${path} from ${localAddress} still refused`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

describe('connection budgets', () => {
  it('one address holding its share is refused (429) while another address is still answered', async () => {
    const held = await Promise.all(Array.from({ length: PER_ADDRESS }, (_, i) => phone('127.0.0.5', i)))
    expect(held.filter(p => p.status === undefined)).toHaveLength(PER_ADDRESS)
    const extra = await phone('127.0.0.5', PER_ADDRESS)
    expect(extra.status).toBe(429)
    const refused = await rawGet(server.port, '/api/health', {}, { localAddress: '127.0.0.5' })
    expect(refused.status).toBe(429)
    expect(refused.data).toContain('{"error":"too many connections from your address"}')
    const other = await rawGet(server.port, '/api/health', {}, { localAddress: '127.0.0.6' })
    console.log(`127.0.0.5 holds ${PER_ADDRESS} sockets: its next one got ${extra.status}; 127.0.0.6 got ${other.status} in ${other.ms.toFixed(1)} ms`)
    expect(other.status).toBe(200)
    expect(other.ms).toBeLessThan(1000)

    // A phone that leaves frees its slot.
    await closeAll(held.slice(0, 1))
    await eventuallyOk('/api/health', '127.0.0.5')
    await closeAll(held)
  })

  it('past the global ceiling every address gets 503 and a closed connection, and the server recovers', async () => {
    const phones: Phone[] = []
    let refused: Phone | undefined
    for (let a = 10; a < 20 && !refused; a++) {
      for (let i = 0; i < PER_ADDRESS && !refused; i++) {
        const p = await phone(`127.0.0.${a}`, i)
        if (p.status === undefined)
          phones.push(p)
        else refused = p
      }
    }
    const fresh = await rawGet(server.port, '/api/health', {}, { localAddress: '127.0.0.30', timeoutMs: 3000 })
    console.log(`global ceiling ${MAX}: ${phones.length} WebSockets accepted, then ${refused?.status}; a new address got ${fresh.status}, closed after ${fresh.ms.toFixed(1)} ms`)
    expect(refused?.status).toBe(503)
    expect(phones.length).toBeLessThanOrEqual(MAX)
    expect(fresh.status).toBe(503)
    expect(fresh.closed).toBe(true)
    expect(fresh.data).toContain('{"error":"server busy: too many connections"}')

    await closeAll(phones.splice(0, 5))
    await eventuallyOk('/api/health', '127.0.0.30')
    await closeAll(phones)
  })
})

describe('slow and silent connections', () => {
  it('are cut within seconds: slow headers, no request, a body that never comes, an unfinished or silent WebSocket, idle keep-alive', async () => {
    const port = server.port
    const slowHeaders = (async () => {
      const socket = await openSocket(port, '127.0.0.40')
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n')
      const drip = setInterval(() => socket.writable && socket.write('x-drip: 1\r\n'), 200)
      const ms = await closedWithin(socket, 8000)
      clearInterval(drip)
      return ms
    })()
    const silent = openSocket(port, '127.0.0.41').then(socket => closedWithin(socket, 8000))
    const noBody = rawExchange(port, 'POST /api/polls/has-ospo/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{', { localAddress: '127.0.0.42', timeoutMs: 8000 }).then(r => r.closed ? r.ms : undefined)
    const halfUpgrade = rawExchange(port, 'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n', { localAddress: '127.0.0.43', timeoutMs: 8000 }).then(r => r.closed ? r.ms : undefined)
    const silentSocket = new Promise<number | undefined>((resolve) => {
      const started = performance.now()
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { localAddress: '127.0.0.44' })
      ws.on('error', () => {})
      const timer = setTimeout(resolve, 8000, undefined)
      ws.once('close', () => {
        clearTimeout(timer)
        resolve(performance.now() - started)
      })
    })
    const idleKeepAlive = (async () => {
      const socket = await openSocket(port, '127.0.0.45')
      socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n')
      return closedWithin(socket, 12_000)
    })()
    const talking = await phone('127.0.0.46', 0)

    const cut = {
      'slow headers': await slowHeaders,
      'no request': await silent,
      'body never sent': await noBody,
      'unfinished upgrade': await halfUpgrade,
      'silent WebSocket': await silentSocket,
      'idle keep-alive': await idleKeepAlive,
    }
    console.log(`cut after (ms, HEADERS_TIMEOUT=1 s, REQUEST_TIMEOUT=2 s, HANDSHAKE_TIMEOUT=1 s, keep-alive 5 s): ${JSON.stringify(Object.fromEntries(Object.entries(cut).map(([k, v]) => [k, v && Math.round(v)])))}`)
    for (const [what, ms] of Object.entries(cut))
      expect(ms, what).toBeDefined()
    expect(cut['slow headers']).toBeLessThan(5000)
    expect(cut['body never sent']).toBeLessThan(6000)
    expect(cut['silent WebSocket']).toBeLessThan(5000)
    // A phone that said hello is not cut by any of this.
    expect(talking.ws.readyState).toBe(WebSocket.OPEN)
    await closeAll([talking])
  }, 30_000)
})
