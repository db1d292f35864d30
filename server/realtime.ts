import type { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { ServerMessage } from '../polls/types.ts'
import type { PollService } from './pollService.ts'
import * as v from 'valibot'
import { WebSocketServer } from 'ws'
import { ClientMessageSchema } from '../polls/messages.ts'
import { requestUrl } from './http.ts'
import { MAX_BODY_BYTES } from './httpJson.ts'
import { PollError } from './pollService.ts'
import { tokenMatches } from './presenterToken.ts'
import { createRateLimiter } from './rateLimit.ts'

interface Client {
  id: string
  socket: WebSocket
  session: string
  participant?: string
  /** An embedded single poll: this client follows that poll, not the presenter's slides. */
  pinned?: string
  presenter: boolean
  watch: boolean
  alive: boolean
  refused: number
}

export interface RealtimeOptions {
  service: PollService
  token: string
  session: (url: URL) => string
  /** Shortest time between two result broadcasts for a session (ms). */
  coalesceMs?: number
}

/** The WebSocket side at /ws: phones follow the current poll and vote; presenters get live results. */
export function createRealtime({ service, token, session, coalesceMs = 30 }: RealtimeOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES })
  const clients = new Set<Client>()
  // Per socket: a phone sends a handful of messages a minute; a flood is cut off.
  const limiter = createRateLimiter(10, 30)
  const dirty = new Map<string, Set<string>>()
  let flushTimer: NodeJS.Timeout | undefined
  let lastFlush = 0
  let nextId = 0

  const send = (client: Client, message: ServerMessage | string): void => {
    if (client.socket.readyState === client.socket.OPEN)
      client.socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  function currentFor(client: Client): ServerMessage {
    const poll = client.pinned ?? service.current(client.session)
    if (!poll)
      return { type: 'current', poll: null, state: null, answer: null }
    const answer = client.participant ? service.answersByParticipant(client.session, poll).get(client.participant) : undefined
    return { type: 'current', poll, state: service.state(client.session, poll), answer: answer ?? null }
  }

  function resultsMessage(client: Client, poll: string): ServerMessage {
    return { type: 'results', results: client.presenter ? service.results(client.session, poll) : service.publicResults(client.session, poll) }
  }

  /** Sends each watcher of a session the results that changed, serialised once per poll and view. */
  function flushResults(): void {
    flushTimer = undefined
    lastFlush = Date.now()
    for (const [code, polls] of dirty) {
      const watchers = [...clients].filter(c => c.watch && c.session === code)
      for (const poll of polls) {
        const results = service.results(code, poll)
        const full = JSON.stringify({ type: 'results', results } satisfies ServerMessage)
        const restricted = JSON.stringify({ type: 'results', results: service.publicResults(code, poll) } satisfies ServerMessage)
        for (const client of watchers) send(client, client.presenter ? full : restricted)
      }
    }
    dirty.clear()
  }

  const unsubscribe = service.subscribe((event) => {
    if (event.type === 'deleted') {
      for (const client of clients) {
        if (client.session === event.session) {
          send(client, { type: 'error', error: `unknown session "${event.session}"` })
          client.socket.close(4404, 'session deleted')
        }
      }
      return
    }
    if (event.type === 'results') {
      const polls = dirty.get(event.session) ?? new Set()
      polls.add(event.poll)
      dirty.set(event.session, polls)
      // At most one broadcast per window: the first change goes out at once, a burst waits for the window's end.
      flushTimer ??= setTimeout(flushResults, Math.max(0, lastFlush + coalesceMs - Date.now()))
      return
    }
    for (const client of clients) {
      if (client.session === event.session)
        send(client, currentFor(client))
    }
  })

  async function onMessage(client: Client, data: string): Promise<void> {
    let parsed: unknown
    try {
      parsed = JSON.parse(data)
    }
    catch {
      return send(client, { type: 'error', error: 'message must be JSON' })
    }
    const result = v.safeParse(ClientMessageSchema, parsed)
    if (!result.success)
      return send(client, { type: 'error', error: `bad message: ${result.issues[0].message}` })
    const message = result.output
    switch (message.type) {
      case 'hello':
        if (message.poll !== undefined) {
          try {
            client.pinned = service.poll(message.poll).id
          }
          catch (err) {
            return send(client, { type: 'error', error: err instanceof PollError ? err.message : 'internal error' })
          }
        }
        client.participant = message.participant
        client.presenter = tokenMatches(token, message.token)
        client.watch = client.presenter || message.watch === true
        send(client, { type: 'welcome', presenter: client.presenter })
        send(client, currentFor(client))
        if (client.watch) {
          for (const poll of service.polls)
            send(client, resultsMessage(client, poll.id))
        }
        return
      case 'vote':
        if (!client.participant)
          return send(client, { type: 'error', ref: message.ref, error: 'say hello with a participant id first' })
        try {
          await service.vote(client.session, message.poll, client.participant, message.answer)
          return send(client, { type: 'ack', ref: message.ref, poll: message.poll })
        }
        catch (err) {
          return send(client, { type: 'error', ref: message.ref, error: err instanceof PollError ? err.message : 'internal error' })
        }
      case 'present':
        if (!client.presenter)
          return send(client, { type: 'error', error: 'presenter token required' })
        try {
          service.setCurrent(client.session, message.poll)
        }
        catch (err) {
          return send(client, { type: 'error', error: err instanceof PollError ? err.message : 'internal error' })
        }
    }
  }

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const code = session(requestUrl(req)!)
    if (!service.hasSession(code)) {
      socket.send(JSON.stringify({ type: 'error', error: `unknown session "${code}"` } satisfies ServerMessage))
      socket.close(4404, 'unknown session')
      return
    }
    const client: Client = { id: String(nextId++), socket, session: code, presenter: false, watch: false, alive: true, refused: 0 }
    clients.add(client)
    socket.on('pong', () => (client.alive = true))
    socket.on('message', (data, isBinary) => {
      if (!limiter.take(client.id)) {
        client.refused += 1
        send(client, { type: 'error', error: 'too many messages: slow down' })
        if (client.refused > 20)
          socket.close(1008, 'flooding')
        return
      }
      if (isBinary)
        return send(client, { type: 'error', error: 'binary messages are not understood' })
      onMessage(client, data.toString()).catch(() => send(client, { type: 'error', error: 'internal error' }))
    })
    socket.on('close', () => {
      clients.delete(client)
      limiter.forget(client.id)
    })
    socket.on('error', () => socket.terminate())
  })

  // Phones that vanish (sleep, lost Wi-Fi) without closing are found by ping and dropped.
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate()
        clients.delete(client)
        continue
      }
      client.alive = false
      client.socket.ping()
    }
  }, 30_000)
  heartbeat.unref()

  return {
    /** Takes an HTTP upgrade for /ws; returns false for any other path so others may handle it. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = requestUrl(req)
      if (!url) {
        socket.destroy()
        return true
      }
      if (url.pathname !== '/ws')
        return false
      wss.handleUpgrade(req, socket, head, ws => wss.emit('connection', ws, req))
      return true
    },
    /** What the server holds, for tests and the benchmark: sockets and rate-limit buckets. */
    stats(): { clients: number, buckets: number } {
      return { clients: clients.size, buckets: limiter.size }
    },
    close(): void {
      unsubscribe()
      clearInterval(heartbeat)
      clearTimeout(flushTimer)
      for (const client of clients) client.socket.terminate()
      wss.close()
    },
  }
}
