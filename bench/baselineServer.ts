// The comparison point: the least a WebSocket poll server can do. Same /ws protocol as server/transports/realtime/protocol.ts, but
// no validation, no SQLite, no rate limits: each vote is acked at once, counted in memory, and the presenter gets a
// results-like message at most every 30 ms (the real server's coalescing interval). Whatever the real server costs
// beyond this is the price of its guarantees.
import type { WebSocket } from 'ws'
import { createServer } from 'node:http'
import process from 'node:process'
import { WebSocketServer } from 'ws'
import { loadDeck } from '../packages/slidev-addon-live-polls/server/domain/deckPolls'
import { LOOPBACK } from './loopback'

const token = process.env.PRESENTER_TOKEN ?? ''
const BROADCAST_MS = 30
// The phones vote on the poll a `current` message defines (bench/loadgen.ts), as they do on the real server.
const { polls } = await loadDeck(process.env.DECK_ENTRY ?? 'slides.md')

interface Tally {
  /** participant → the keys of their current answer */
  answers: Map<string, string[]>
  counts: Map<string, number>
}

interface Peer {
  participant?: string
  presenter: boolean
}

const peers = new Map<WebSocket, Peer>()
const tallies = new Map<string, Tally>()
const dirty = new Set<string>()
let current: string | null = null
let timer: NodeJS.Timeout | undefined

function keysOf(answer: unknown): string[] {
  return Array.isArray(answer)
    ? answer.map(String)
    : [
        String(answer),
      ]
}

function count(poll: string, participant: string, answer: unknown): void {
  const tally = tallies.get(poll) ?? {
    answers: new Map(),
    counts: new Map(),
  }
  tallies.set(poll, tally)
  for (const key of tally.answers.get(participant) ?? []) tally.counts.set(key, tally.counts.get(key)! - 1)
  const keys = keysOf(answer)
  for (const key of keys) tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1)
  tally.answers.set(participant, keys)
}

function broadcastResults(): void {
  timer = undefined
  for (const poll of dirty) {
    const tally = tallies.get(poll)!
    const message = JSON.stringify({
      type: 'results',
      results: {
        id: poll,
        // The poll's own kind: a count per answer key is a choice's or a scale's shape, which the bench checks.
        kind: polls.find(p => p.id === poll)?.kind,
        participants: tally.answers.size,
        open: true,
        revealed: true,
        counts: Object.fromEntries(tally.counts),
      },
    })
    for (const [socket, peer] of peers) {
      if (peer.presenter)
        socket.send(message)
    }
  }
  dirty.clear()
}

function currentMessage(peer: Peer): string {
  const answer = current && peer.participant
    ? tallies.get(current)?.answers.get(peer.participant) ?? null
    : null
  return JSON.stringify({
    type: 'current',
    poll: current,
    definition: polls.find(poll => poll.id === current) ?? null,
    state: current
      ? { open: true, revealed: true }
      : null,
    answer,
  })
}

function onMessage(socket: WebSocket, peer: Peer, data: string): void {
  const message = JSON.parse(data) as { type: string, participant?: string, token?: string, ref?: number, poll?: string | null, answer?: unknown }
  if (message.type === 'hello') {
    peer.participant = message.participant
    peer.presenter = message.token === token
    socket.send(JSON.stringify({ type: 'welcome', presenter: peer.presenter }))
    socket.send(currentMessage(peer))
  }
  else if (message.type === 'vote' && peer.participant && message.poll) {
    count(message.poll, peer.participant, message.answer)
    socket.send(JSON.stringify({ type: 'ack', ref: message.ref, poll: message.poll }))
    dirty.add(message.poll)
    timer ??= setTimeout(broadcastResults, BROADCAST_MS)
  }
  else if (message.type === 'present' && peer.presenter) {
    current = message.poll ?? null
    for (const [other, otherPeer] of peers) other.send(currentMessage(otherPeer))
  }
}

const wss = new WebSocketServer({ noServer: true })
const server = createServer((req, res) => {
  res.writeHead(req.url === '/api/health'
    ? 200
    : 404, { 'content-type': 'application/json' })
  res.end(req.url === '/api/health'
    ? '{"ok":true}'
    : '{"error":"not found"}')
})
server.on('upgrade', (req, socket, head) => {
  if (req.url !== '/ws')
    return socket.destroy()
  wss.handleUpgrade(req, socket, head, (ws) => {
    const peer: Peer = { presenter: false }
    peers.set(ws, peer)
    ws.on('message', data => onMessage(ws, peer, String(data)))
    ws.on('close', () => peers.delete(ws))
    ws.on('error', () => ws.terminate())
  })
})
server.listen(Number(process.env.PORT ?? 0), LOOPBACK)

// Started by bench/run.ts with a stdin pipe: when the bench ends (however it ends), so does this server.
process.stdin.on('close', () => process.exit(0))
process.stdin.resume()
