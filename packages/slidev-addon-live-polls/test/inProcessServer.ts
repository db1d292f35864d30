import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ClientOptions } from 'ws'
import type { ServerMessage } from '../polls/types'
import type { PollServer, PollServerOptions } from '../server/entries/createPollServer'
import { createServer } from 'node:http'
import { WebSocket } from 'ws'
import { chain } from '../server/edge/http'
import { createPollServer } from '../server/entries/createPollServer'
import { deck } from './fixturePolls.ts'
import { testStorage } from './testStore.ts'

export const TOKEN = 'test-presenter-token'

export interface InProcessServer {
  url: string
  polls: PollServer
  close: () => Promise<void>
}

/**
 * The poll server on a real random port, as `npm start` wires it, on the fixture deck unless `options.deck` says
 * otherwise, with storage of its own (testStore.ts) unless `options.dbPath`/`databaseUrl` name one; `options` as
 * settings would give them.
 */
export async function startInProcess(options: Partial<PollServerOptions> = {}): Promise<InProcessServer> {
  const polls = await createPollServer({
    ...options.dbPath === undefined && options.databaseUrl === undefined
      ? await testStorage()
      : { dbPath: ':memory:' },
    deck,
    token: TOKEN,
    appDirs: { vote: '/nonexistent', console: '/nonexistent' },
    joinUrl: () => 'http://example.test/vote/',
    ...options,
  })
  const server = createServer(chain(polls.handle))
  server.on('upgrade', (req, socket, head) => polls.upgrade(req, socket, head) || socket.destroy())
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    polls,
    close: async () => {
      await polls.close()
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    },
  }
}

/**
 * A WebSocket client that reads top to bottom: `await next()` is the next message. `options` as ws takes
 * them, e.g. `{ localAddress: '127.0.0.2' }` to come from another loopback address, `{ origin }`.
 * `headers` are the upgrade response's (behind a load balancer, e.g. which backend took the socket).
 */
export async function connect(url: string, path = '/ws', options: ClientOptions = {}) {
  const socket = new WebSocket(url.replace('http', 'ws') + path, options)
  let headers: IncomingHttpHeaders = {}
  socket.once('upgrade', res => (headers = res.headers))
  const queue: ServerMessage[] = []
  const waiting: ((m: ServerMessage) => void)[] = []
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    const waiter = waiting.shift()
    if (waiter)
      waiter(message)
    else queue.push(message)
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  return {
    socket,
    headers,
    send: (message: unknown) => socket.send(typeof message === 'string'
      ? message
      : JSON.stringify(message)),
    next: (timeoutMs = 2000): Promise<ServerMessage> => {
      const queued = queue.shift()
      if (queued)
        return Promise.resolve(queued)
      return new Promise((resolve, reject) => {
        // A waiter that gave up leaves the line, or it would swallow the next message.
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1)
          reject(new Error('no message within timeout'))
        }, timeoutMs)
        function waiter(m: ServerMessage): void {
          clearTimeout(timer)
          resolve(m)
        }
        waiting.push(waiter)
      })
    },
    /** Skips messages until one matches. */
    async until<T extends ServerMessage['type']>(type: T, timeoutMs = 2000): Promise<Extract<ServerMessage, { type: T }>> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const m = await this.next(Math.max(1, deadline - Date.now()))
        if (m.type === type)
          return m as Extract<ServerMessage, { type: T }>
      }
    },
    close: () => socket.close(),
  }
}

/** Resolves with the HTTP status a WebSocket upgrade to /ws is refused with, or 101 once it opens. */
export function upgradeStatus(url: string, options: { localAddress?: string, headers?: Record<string, string>, origin?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, options)
    socket.once('open', () => {
      resolve(101)
      socket.close()
    })
    socket.once('unexpected-response', (_, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
    })
    socket.once('error', reject)
  })
}
