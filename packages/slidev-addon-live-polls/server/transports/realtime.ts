import type { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { PollService } from '../domain/pollService.ts'
import type { AddressBudgets } from '../edge/addressBudgets.ts'
import type { LookupBudget } from '../edge/lookupBudget.ts'
import type { Client } from './realtime/clients.ts'
import { WebSocketServer } from 'ws'
import { requestUrl } from '../edge/http.ts'
import { MAX_BODY_BYTES } from '../edge/httpJson.ts'
import { createAdmission } from './realtime/admission.ts'
import { createSender } from './realtime/backpressure.ts'
import { broadcastChanges } from './realtime/broadcast.ts'
import { createClients } from './realtime/clients.ts'
import { startHeartbeat } from './realtime/heartbeat.ts'
import { createMessageLimits } from './realtime/messageLimits.ts'
import { createProtocol } from './realtime/protocol.ts'
import { createResultsMessages } from './realtime/resultsMessages.ts'

export { SEND_CLOSE_BYTES, SEND_HOLD_BYTES } from './realtime/backpressure.ts'

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

export interface Realtime {
  /** Takes an HTTP upgrade for /ws; returns false for any other path so others may handle it. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
  stats: () => RealtimeStats
  close: () => void
}

/**
 * The WebSocket side at /ws: phones follow the current poll and vote; presenters get live results. Its parts,
 * in realtime/: admission (who may open a socket), the protocol (what a socket may say), message limits,
 * backpressure with the results-message cache (what a socket is sent, and how much it may have queued), the
 * broadcast of the service's changes, and the heartbeat.
 */
export function createRealtime({ service, token, session, address, allowedOrigin, lookups, budgets, coalesceMs = 30 }: RealtimeOptions): Realtime {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES })
  const admission = createAdmission({
    service,
    upgrades: (req, socket, head, done) => wss.handleUpgrade(req, socket, head, done),
    address,
    allowedOrigin,
    lookups,
    budgets,
  })
  const clients = createClients()
  const limits = createMessageLimits(budgets)
  const messages = createResultsMessages(service)
  const sender = createSender(service.polls, messages)
  const protocol = createProtocol({
    service,
    token,
    lookups,
    clients,
    sender,
    limits,
  })
  const stopBroadcast = broadcastChanges({
    service,
    clients,
    messages,
    sender,
    protocol,
    coalesceMs,
  })
  const heartbeat = startHeartbeat(clients, sender)
  let nextId = 0

  function onConnection(socket: WebSocket, req: IncomingMessage, from: string): void {
    const code = session(requestUrl(req)!)
    if (!admission.mayLookUp(socket, code, from))
      return
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
      handled: admission.admit(socket, code, from),
    }
    clients.all.add(client)
    heartbeat.track(client)
    socket.on('message', (data, isBinary) => {
      if (!limits.take(client)) {
        sender.send(client, { type: 'error', error: 'too many messages: slow down' })
        return limits.countRefusal(client)
      }
      if (isBinary)
        return sender.send(client, { type: 'error', error: 'binary messages are not understood' })
      const text = data.toString()
      client.handled = client.handled.then(async (admitted) => {
        if (admitted)
          await protocol.onMessage(client, text).catch(() => sender.send(client, { type: 'error', error: 'internal error' }))
        return admitted
      })
    })
    socket.on('close', () => {
      clients.remove(client)
      limits.forget(client)
    })
    socket.on('error', () => socket.terminate())
  }

  return {
    upgrade: (req, socket, head) => admission.upgrade(req, socket, head, (ws, from) => onConnection(ws, req, from)),
    stats() {
      let held = 0
      let queuedBytes = 0
      for (const client of clients.all) {
        held += Number(client.held.size > 0)
        queuedBytes += client.socket.bufferedAmount
      }
      return {
        clients: clients.all.size,
        buckets: limits.buckets(),
        addresses: admission.addresses(),
        held,
        slowClosed: sender.slowClosed(),
        queuedBytes,
      }
    },
    close(): void {
      stopBroadcast()
      heartbeat.stop()
      for (const client of clients.all) client.socket.terminate()
      wss.close()
    },
  }
}
