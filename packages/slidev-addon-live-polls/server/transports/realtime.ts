import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { HiddenResults, PollResults, ServerMessage } from '../../polls/types.ts'
import type { PollService } from '../domain/pollService.ts'
import type { AddressBudgets } from '../edge/addressBudgets.ts'
import type { LookupBudget } from '../edge/lookupBudget.ts'
import { Buffer } from 'node:buffer'
import { STATUS_CODES } from 'node:http'
import * as v from 'valibot'
import { WebSocketServer } from 'ws'
import { ClientMessageSchema } from '../../polls/messages.ts'
import { PollError } from '../domain/pollError.ts'
import { requestUrl } from '../edge/http.ts'
import { MAX_BODY_BYTES } from '../edge/httpJson.ts'
import { TOO_MANY_FAILURES } from '../edge/lookupBudget.ts'
import { tokenMatches } from '../edge/presenterToken.ts'
import { createRateLimiter } from '../edge/rateLimit.ts'

interface Client {
  id: string
  socket: WebSocket
  session: string
  /** The client's address as the per-address budgets count it. */
  address: string
  /** Set by the first hello that names one, then fixed: a socket is one participant for its life. */
  participant?: string
  /** An embedded single poll: this client follows that poll, not the presenter's slides. */
  pinned?: string
  presenter: boolean
  watch: boolean
  /** The results view this socket was last sent every poll in; a hello that keeps it sends none again. */
  view?: 'full' | 'public'
  /** Polls whose results were held back while the socket's queue was full: sent as they are then, once it drains. */
  held: Set<string>
  /** Over SEND_HOLD_BYTES at the last heartbeat: still over at the next, the socket is cut. */
  backlogged: boolean
  alive: boolean
  refused: number
  /** The client's messages, handled one after another: false once its session turned out not to exist. */
  handled: Promise<boolean>
}

export interface RealtimeOptions {
  service: PollService
  token: string
  session: (url: URL) => string
  /** The address a request comes from, as the per-address budgets count it. */
  address: (req: IncomingMessage) => string
  /** Whether the upgrade's Origin may open a socket (403 otherwise). */
  allowedOrigin: (req: IncomingMessage) => boolean
  /** Failed look-ups (unknown session code, wrong token) per address, shared with the HTTP API. */
  lookups: LookupBudget
  budgets: Pick<AddressBudgets, 'sockets' | 'messagesPerMinute'>
  /** Shortest time between two result broadcasts for a session (ms). */
  coalesceMs?: number
}

/**
 * What a socket may have queued and not yet taken (ws `bufferedAmount`, beyond what the kernel holds). Over
 * SEND_HOLD_BYTES it is sent no more results, only which polls changed is noted, and it gets their latest
 * results once it drains; over SEND_CLOSE_BYTES, or over SEND_HOLD_BYTES for a whole heartbeat, it is cut: a
 * reader that stopped reading costs the server at most about this much, however much happens meanwhile.
 */
export const SEND_HOLD_BYTES = 64 * 1024
export const SEND_CLOSE_BYTES = 1024 * 1024

/** What the server holds, for tests and the benchmark. */
export interface RealtimeStats {
  clients: number
  /** Per-socket rate-limit buckets. */
  buckets: number
  /** Addresses with sockets. */
  addresses: number
  /** Sockets with results held back (a full queue). */
  held: number
  /** Sockets cut for not reading, since start. */
  slowClosed: number
  /** Bytes queued for all sockets. */
  queuedBytes: number
}

/** What a client is told of a failed request: a PollError's own words, nothing of any other error. */
function errorText(err: unknown): string {
  return err instanceof PollError
    ? err.message
    : 'internal error'
}

/** Answers an upgrade with a plain HTTP status, before any handshake, and hangs up. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`)
}

/** The WebSocket side at /ws: phones follow the current poll and vote; presenters get live results. */
export function createRealtime({ service, token, session, address, allowedOrigin, lookups, budgets, coalesceMs = 30 }: RealtimeOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES })
  const clients = new Set<Client>()
  // Watching clients by session: a change in a session nobody watches sends nothing and builds nothing.
  const watchers = new Map<string, Set<Client>>()
  // Per socket: a phone sends a handful of messages a minute; a flood is cut off.
  const limiter = createRateLimiter(10, 30)
  // Per address, across its sockets: many sockets each inside their own limit are still one client.
  const addressLimiter = budgets.messagesPerMinute > 0
    ? createRateLimiter(budgets.messagesPerMinute / 60, Math.max(1, budgets.messagesPerMinute / 2))
    : undefined
  const socketsByAddress = new Map<string, number>()
  // Each poll's results message as sent, per session and view: serialised once per change (by the flush
  // or the first hello after it), never per hello.
  const serialised = new Map<string, { full?: Promise<string>, public?: Promise<string> }>()
  const dirty = new Map<string, Set<string>>()
  let flushTimer: NodeJS.Timeout | undefined
  let lastFlush = 0
  let nextId = 0
  let slowClosed = 0

  function send(client: Client, message: ServerMessage | string): void {
    const { socket } = client
    if (socket.readyState !== socket.OPEN)
      return
    // Each write that leaves the queue is a chance to send what was held back.
    socket.send(typeof message === 'string'
      ? message
      : JSON.stringify(message), () => client.held.size && release(client))
    if (socket.bufferedAmount > SEND_CLOSE_BYTES)
      cut(client)
  }

  /** Ends a socket that does not take what it is sent (terminated: a close frame would wait behind the queue). */
  function cut(client: Client): void {
    slowClosed += 1
    client.socket.terminate()
  }

  /** A poll's latest results to a watcher, or, while its queue is full, a note to send them once it drains. */
  function sendResults(client: Client, poll: string): void {
    if (client.socket.bufferedAmount > SEND_HOLD_BYTES) {
      client.held.add(poll)
      return
    }
    client.held.delete(poll)
    const { session, presenter } = client
    const text = resultsText(session, poll, presenter)
    text.then(
      body => isLatest(session, poll, presenter, text) && send(client, body),
      () => send(client, { type: 'error', error: 'results cannot be read right now' }),
    )
  }

  /** Every poll's results to a new watcher, in the deck's order, read at once. */
  async function sendAllResults(client: Client): Promise<void> {
    const { session, presenter } = client
    const reads = service.polls.map(poll => resultsText(session, poll.id, presenter))
    const texts = await Promise.all(reads)
    service.polls.forEach((poll, i) => {
      if (!isLatest(session, poll.id, presenter, reads[i]!))
        return
      if (client.socket.bufferedAmount > SEND_HOLD_BYTES)
        client.held.add(poll.id)
      else send(client, texts[i]!)
    })
  }

  /** As a socket's queue drains: what was held back goes out as it is now, once per poll. */
  function release(client: Client): void {
    for (const poll of client.held) sendResults(client, poll)
  }

  function setWatch(client: Client, watch: boolean): void {
    client.watch = watch
    let watching = watchers.get(client.session)
    if (watch) {
      if (!watching)
        watchers.set(client.session, watching = new Set())
      watching.add(client)
      return
    }
    client.held.clear()
    watching?.delete(client)
    if (watching?.size === 0)
      watchers.delete(client.session)
  }

  /** The poll a client follows, with its participant's answer (`fromStore`: as stored, see answerOf). */
  async function currentFor(client: Client, fromStore: boolean): Promise<ServerMessage> {
    const poll = client.pinned ?? await service.current(client.session)
    if (!poll) {
      return {
        type: 'current',
        poll: null,
        definition: null,
        state: null,
        answer: null,
      }
    }
    const answer = client.participant
      ? await service.answerOf(client.session, poll, client.participant, fromStore)
      : undefined
    return {
      type: 'current',
      poll,
      definition: service.poll(poll),
      state: await service.state(client.session, poll),
      answer: answer ?? null,
    }
  }

  function sendCurrent(client: Client, fromStore = false): Promise<void> {
    return currentFor(client, fromStore).then(
      message => send(client, message),
      () => send(client, { type: 'error', error: 'the current poll cannot be read right now' }),
    )
  }

  function resultsText(session: string, poll: string, presenter: boolean): Promise<string> {
    const key = `${session}\n${poll}`
    let entry = serialised.get(key)
    if (!entry) {
      entry = {}
      serialised.set(key, entry)
    }
    const view = presenter
      ? 'full'
      : 'public'
    const found = entry[view]
    if (found)
      return found
    const read: Promise<PollResults | HiddenResults> = presenter
      ? service.results(session, poll)
      : service.publicResults(session, poll)
    const text = read.then(results => JSON.stringify({ type: 'results', results } satisfies ServerMessage))
    const kept = entry
    kept[view] = text
    // A read that failed is not kept (the service keeps none either): the next hello or change reads again.
    text.catch(() => {
      if (kept[view] === text)
        delete kept[view]
    })
    return text
  }

  /**
   * Whether `text` is still the latest read of its poll's results. A change drops the read it outdates, and sets
   * off a flush that sends every watcher newer results: a read that finishes after that flush (reads finish in
   * any order) must not be sent after it, or a screen would go back to older counts until the next change.
   */
  function isLatest(session: string, poll: string, presenter: boolean, text: Promise<string>): boolean {
    const entry = serialised.get(`${session}\n${poll}`)
    return (presenter
      ? entry?.full
      : entry?.public) === text
  }

  /** Sends each watcher of a session the results that changed. */
  function flushResults(): void {
    flushTimer = undefined
    lastFlush = Date.now()
    for (const [code, polls] of dirty) {
      for (const client of watchers.get(code) ?? []) {
        for (const poll of polls) sendResults(client, poll)
      }
    }
    dirty.clear()
  }

  /** Sends an error and closes with a short fixed reason (a close reason may hold 123 bytes, an echoed code more). */
  function refuse(socket: WebSocket, code: number, reason: string, error: string): void {
    socket.send(JSON.stringify({ type: 'error', error } satisfies ServerMessage))
    socket.close(code, reason)
  }

  const unsubscribe = service.subscribe((event) => {
    if (event.type === 'deleted') {
      service.polls.forEach(poll => serialised.delete(`${event.session}\n${poll.id}`))
      for (const client of clients) {
        if (client.session === event.session) {
          send(client, { type: 'error', error: `unknown session "${event.session}"` })
          client.socket.close(4404, 'session deleted')
        }
      }
      return
    }
    if (event.type === 'results') {
      serialised.delete(`${event.session}\n${event.poll}`)
      if (!watchers.has(event.session))
        return
      const polls = dirty.get(event.session) ?? new Set()
      polls.add(event.poll)
      dirty.set(event.session, polls)
      // At most one broadcast per window: the first change goes out at once, a burst waits for the window's end.
      flushTimer ??= setTimeout(flushResults, Math.max(0, lastFlush + coalesceMs - Date.now()))
      return
    }
    for (const client of clients) {
      if (client.session === event.session)
        void sendCurrent(client)
    }
  })

  /** A socket refused over 20 times is closed: it is flooding, or sending what cannot be stored. */
  function countRefusal(client: Client): void {
    client.refused += 1
    if (client.refused > 20)
      client.socket.close(1008, 'flooding')
  }

  /**
   * A vote the database refused for its own data costs its sender: a message more from its address's budget, and a
   * refusal of its socket's. Otherwise sending what cannot be stored would be free, and cost others (issue 18).
   */
  function charge(client: Client): void {
    addressLimiter?.take(client.address)
    countRefusal(client)
  }

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
      case 'hello': {
        // Another participant id would make one socket many voters.
        if (client.participant !== undefined && message.participant !== client.participant)
          return send(client, { type: 'error', error: 'this connection already speaks for another participant: open a new one' })
        const triesToken = Boolean(message.token)
        if (triesToken && !lookups.allows(client.address))
          return refuse(client.socket, 4429, 'too many failed look-ups', TOO_MANY_FAILURES)
        if (message.poll !== undefined) {
          try {
            client.pinned = service.poll(message.poll).id
          }
          catch (err) {
            return send(client, {
              type: 'error',
              error: errorText(err),
            })
          }
        }
        client.participant = message.participant
        client.presenter = tokenMatches(token, message.token)
        if (triesToken && !client.presenter)
          lookups.failed(client.address)
        setWatch(client, client.presenter || message.watch === true)
        const view = client.watch
          ? (client.presenter ? 'full' : 'public')
          : undefined
        // Results go to a socket that starts watching or changes view; one that keeps its view gets every change anyway.
        const fresh = view !== undefined && view !== client.view
        client.view = view
        send(client, { type: 'welcome', presenter: client.presenter })
        // A hello is often a reconnect, perhaps from another process: the phone's answer as stored, not as heard.
        await sendCurrent(client, true)
        if (fresh)
          await sendAllResults(client)
        return
      }
      case 'vote':
        if (!client.participant)
          return send(client, { type: 'error', ref: message.ref, error: 'say hello with a participant id first' })
        try {
          await service.vote(client.session, message.poll, client.participant, message.answer)
          return send(client, { type: 'ack', ref: message.ref, poll: message.poll })
        }
        catch (err) {
          if (err instanceof PollError && err.options.costsSender)
            charge(client)
          return send(client, {
            type: 'error',
            ref: message.ref,
            error: errorText(err),
            ...err instanceof PollError && err.options.retry
              ? { retry: true }
              : {},
          })
        }
      case 'present':
        if (!client.presenter)
          return send(client, { type: 'error', error: 'presenter token required' })
        try {
          await service.setCurrent(client.session, message.poll)
        }
        catch (err) {
          return send(client, {
            type: 'error',
            error: errorText(err),
          })
        }
    }
  }

  /** Whether the socket's session exists; if not, it is refused (a failed look-up). */
  async function admit(socket: WebSocket, code: string, from: string): Promise<boolean> {
    if (code === '')
      return true
    let found: boolean
    try {
      found = await service.hasSession(code)
    }
    catch {
      refuse(socket, 1011, 'storage unavailable', 'the server cannot read its database right now; try again')
      return false
    }
    if (!found) {
      lookups.failed(from)
      refuse(socket, 4404, 'unknown session', `unknown session "${code}"`)
    }
    return found
  }

  function onConnection(socket: WebSocket, req: IncomingMessage, from: string): void {
    const code = session(requestUrl(req)!)
    if (code !== '' && !lookups.allows(from))
      return refuse(socket, 4429, 'too many failed look-ups', TOO_MANY_FAILURES)
    const client: Client = {
      id: String(nextId++),
      socket,
      session: code,
      address: from,
      presenter: false,
      watch: false,
      held: new Set(),
      backlogged: false,
      alive: true,
      refused: 0,
      // Messages that come while the session is looked up wait for it.
      handled: admit(socket, code, from),
    }
    clients.add(client)
    socket.on('pong', () => (client.alive = true))
    socket.on('message', (data, isBinary) => {
      // A socket over its own limit does not also spend its address's budget; a presenter spends none.
      if (!limiter.take(client.id) || (!client.presenter && addressLimiter?.take(client.address) === false)) {
        send(client, { type: 'error', error: 'too many messages: slow down' })
        return countRefusal(client)
      }
      if (isBinary)
        return send(client, { type: 'error', error: 'binary messages are not understood' })
      const text = data.toString()
      client.handled = client.handled.then(async (admitted) => {
        if (admitted)
          await onMessage(client, text).catch(() => send(client, { type: 'error', error: 'internal error' }))
        return admitted
      })
    })
    socket.on('close', () => {
      clients.delete(client)
      setWatch(client, false)
      limiter.forget(client.id)
    })
    socket.on('error', () => socket.terminate())
  }

  // Phones that vanish (sleep, lost Wi-Fi) without closing are found by ping and dropped; so are sockets
  // whose queue stays full (a client can answer pings and still never read).
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      const backlogged = client.socket.bufferedAmount > SEND_HOLD_BYTES
      if (!client.alive || (backlogged && client.backlogged)) {
        if (backlogged)
          cut(client)
        else client.socket.terminate()
        clients.delete(client)
        setWatch(client, false)
        continue
      }
      client.backlogged = backlogged
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
      if (!allowedOrigin(req)) {
        refuseUpgrade(socket, 403, 'this page\'s origin may not open the poll socket')
        return true
      }
      const from = address(req)
      const held = socketsByAddress.get(from) ?? 0
      if (budgets.sockets > 0 && held >= budgets.sockets) {
        refuseUpgrade(socket, 429, 'too many sockets from this address')
        return true
      }
      // Counted from the upgrade until the connection closes, handshake or not.
      socketsByAddress.set(from, held + 1)
      socket.once('close', () => {
        const left = socketsByAddress.get(from)! - 1
        if (left > 0)
          socketsByAddress.set(from, left)
        else socketsByAddress.delete(from)
      })
      wss.handleUpgrade(req, socket, head, ws => onConnection(ws, req, from))
      return true
    },
    stats(): RealtimeStats {
      let held = 0
      let queuedBytes = 0
      for (const client of clients) {
        held += Number(client.held.size > 0)
        queuedBytes += client.socket.bufferedAmount
      }
      return {
        clients: clients.size,
        buckets: limiter.size,
        addresses: socketsByAddress.size,
        held,
        slowClosed,
        queuedBytes,
      }
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
