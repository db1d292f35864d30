// One load-generator process, forked by bench/run.ts: a share of the audience's phones, each speaking /ws as the
// voting page does (composables/usePollSocket.ts): hello with a random participant, follow `current`, vote, re-vote.
import type { Answer, Poll, PollKind, ServerMessage } from '../packages/slidev-addon-live-polls/polls/types'
import type { FromGenerator, SocketCounts, ToGenerator } from './protocol'
import { randomBytes } from 'node:crypto'
import process from 'node:process'
import WebSocket from 'ws'
import { randomAnswer } from './answers'
import { now, sleep } from './clock'
import { assertLoopback } from './loopback'
import { tallyOf } from './tally'

interface Phone {
  socket: WebSocket
  opened: boolean
  settled: boolean
  /** The poll on screen while it is open; null when there is nothing to vote on. */
  poll: Poll | null
  /** Index of the server process (in the `connect` urls) this phone talks to. */
  server: number
  /** The answer of this phone's latest acknowledged vote (by send order): what the server holds for it. */
  answer?: Answer
  answerVote: number
}

interface PendingVote {
  /** Index into sentAt/ackedAt. */
  vote: number
  phone: Phone
  answer: Answer
}

const phones: Phone[] = []
const counts: SocketCounts = {
  open: 0,
  welcomed: 0,
  failed: 0,
  settled: 0,
}
const errors: Record<string, number> = {}
const sentAt: number[] = []
const ackedAt: number[] = []
const serverOf: number[] = []
let welcomedByServer: number[] = []
let votedKind: PollKind | undefined
// Refs are unique across this process's sockets, so one map finds the vote an ack or error answers.
const pending = new Map<number, PendingVote>()
let nextRef = 1
let peakOpen = 0
let unexpectedCloses = 0
let refused = 0
let notSent = 0
let stopping = false

function post(message: FromGenerator): Promise<void> {
  return new Promise(resolve => process.send!(message, () => resolve()))
}

function settle(phone: Phone): void {
  if (!phone.settled) {
    phone.settled = true
    counts.settled += 1
  }
}

function onMessage(phone: Phone, data: string, at: number): void {
  let message: ServerMessage
  try {
    message = JSON.parse(data) as ServerMessage
  }
  catch {
    errors['(non-JSON message)'] = (errors['(non-JSON message)'] ?? 0) + 1
    return
  }
  switch (message.type) {
    case 'welcome':
      counts.welcomed += 1
      welcomedByServer[phone.server]! += 1
      return
    case 'current':
      phone.poll = message.state?.open
        ? message.definition
        : null
      settle(phone)
      return
    case 'ack': {
      const vote = pending.get(message.ref)
      if (vote !== undefined) {
        ackedAt[vote.vote] = at
        pending.delete(message.ref)
        if (vote.vote > vote.phone.answerVote) {
          vote.phone.answer = vote.answer
          vote.phone.answerVote = vote.vote
        }
      }
      return
    }
    case 'error':
      errors[message.error] = (errors[message.error] ?? 0) + 1
      if (message.ref !== undefined && pending.delete(message.ref))
        refused += 1
  }
}

function connect(url: string, server: number): void {
  const phone: Phone = {
    socket: new WebSocket(url),
    opened: false,
    settled: false,
    poll: null,
    server,
    answerVote: -1,
  }
  const participant = randomBytes(16).toString('hex') // as vote/useParticipant.ts makes it
  phones.push(phone)
  phone.socket.on('open', () => {
    phone.opened = true
    counts.open += 1
    peakOpen = Math.max(peakOpen, counts.open)
    phone.socket.send(JSON.stringify({ type: 'hello', participant }))
  })
  phone.socket.on('message', data => onMessage(phone, String(data), now()))
  phone.socket.on('error', () => {}) // 'close' follows and is counted there
  phone.socket.on('close', () => {
    phone.poll = null
    if (!phone.opened) {
      counts.failed += 1
    }
    else {
      counts.open -= 1
      if (!stopping)
        unexpectedCloses += 1
    }
    settle(phone)
  })
}

/**
 * Opens `clients` sockets a batch every 100 ms, round-robin over the server processes' urls, then waits (≤ 30 s)
 * until each has its `current` or has failed.
 */
async function connectAll(urls: string[], offset: number, clients: number, rampPerSecond: number): Promise<void> {
  urls.forEach(assertLoopback)
  welcomedByServer = urls.map(() => 0)
  const batch = Math.max(1, Math.round(rampPerSecond / 10))
  const progress = setInterval(() => void post({
    type: 'progress',
    counts: { ...counts },
  }), 1000)
  for (let i = 0; i < clients; i += batch) {
    for (let j = i; j < Math.min(clients, i + batch); j++) {
      const server = (offset + j) % urls.length
      connect(urls[server]!, server)
    }
    await sleep(100)
  }
  const deadline = now() + 30_000
  while (counts.settled < clients && now() < deadline)
    await sleep(50)
  clearInterval(progress)
  await post({
    type: 'connected',
    counts: { ...counts },
  })
}

function castVote(phone: Phone, poll: Poll): void {
  const ref = nextRef++
  const answer = randomAnswer(poll)
  const message = JSON.stringify({
    type: 'vote',
    ref,
    poll: poll.id,
    answer,
  })
  votedKind = poll.kind
  pending.set(ref, { vote: sentAt.length, phone, answer })
  sentAt.push(now())
  ackedAt.push(Number.NaN)
  serverOf.push(phone.server)
  phone.socket.send(message)
}

/**
 * Open loop: votes are sent on schedule (`rate` a second) whether or not earlier ones were acknowledged, so a slow
 * server shows as latency rather than as a quietly lower offered load. Phones take turns, spreading the votes evenly.
 */
async function voteAll(rate: number, startAt: number, endAt: number, drainMs: number): Promise<void> {
  await sleep(startAt - now())
  let scheduled = 0
  let cursor = Math.floor(Math.random() * phones.length)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const t = Math.min(now(), endAt)
      const due = Math.floor(((t - startAt) * rate) / 1000) - scheduled
      for (let n = 0; n < due; n++, scheduled++) {
        let phone: Phone | undefined
        for (let tries = 0; tries < phones.length && !phone; tries++) {
          const candidate = phones[cursor]!
          cursor = (cursor + 1) % phones.length
          if (candidate.poll && candidate.socket.readyState === WebSocket.OPEN)
            phone = candidate
        }
        if (phone)
          castVote(phone, phone.poll!)
        else notSent += 1
      }
      if (t >= endAt) {
        clearInterval(timer)
        resolve()
      }
    }, 5)
  })
  const drainUntil = now() + drainMs
  while (pending.size > 0 && now() < drainUntil)
    await sleep(20)
  await post({ type: 'voted' })
}

/** Sends the figures, then closes every socket (terminating stragglers after 2 s) and exits. */
async function reportAndExit(): Promise<void> {
  await post({
    type: 'report',
    counts: { ...counts },
    peakOpen,
    sentAt,
    ackedAt,
    serverOf,
    welcomedByServer,
    tally: votedKind
      ? tallyOf(votedKind, phones.flatMap(phone => phone.answer === undefined
          ? []
          : [phone.answer]))
      : { participants: 0 },
    refused,
    errors,
    unexpectedCloses,
    notSent,
  })
  stopping = true
  for (const phone of phones) phone.socket.close(1000)
  const deadline = now() + 2000
  while (counts.open > 0 && now() < deadline)
    await sleep(50)
  for (const phone of phones) phone.socket.terminate()
  process.exit(0)
}

process.on('message', (message: ToGenerator) => {
  const done = message.type === 'connect'
    ? connectAll(message.urls, message.offset, message.clients, message.rampPerSecond)
    : message.type === 'vote'
      ? voteAll(message.rate, message.startAt, message.endAt, message.drainMs)
      : reportAndExit()
  done.catch((err: unknown) => {
    console.error('loadgen:', err)
    process.exit(1)
  })
})
// Never outlive the bench: when the parent goes, so does this process and its sockets.
process.on('disconnect', () => process.exit(0))
