// Several `npm start` processes on one PostgreSQL database, behind HAProxy, acting as one server: a vote
// acknowledged by a process that is then killed is still there, counted, and seen by presenters on the others.
import type { WebSocket } from 'ws'
import type { Answer, ChoicePoll, ChoiceResults, Poll, ServerMessage } from '../../polls/types'
import type { LoadBalancer } from '../../test/loadBalancer'
import type { ServerProcess } from '../../test/serverProcess'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { connect } from '../../test/inProcessServer'
import { startLoadBalancer } from '../../test/loadBalancer'
import { createTestDatabase } from '../../test/postgres'
import { startServer } from '../../test/serverProcess'

const TOKEN = 'multi-process-presenter-token'
const auth = { authorization: `Bearer ${TOKEN}` }
const PHONES = 60
// Process A is killed once it has acknowledged this many votes: some of its phones have their answers
// acknowledged, some have sent one it never answered, some have not voted yet.
const KILL_AFTER_ACKS_BY_A = 8
// Phones start voting this far apart, so the kill falls in the middle of the burst.
const STAGGER_MS = 10
// Every wait is for a condition; these are only how long before a test gives up (a busy 2-core box is slow).
const WAIT_MS = 30_000

type Client = Awaited<ReturnType<typeof connect>>

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const elapsed = (since: number): number => Math.round(performance.now() - since)

let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
// What a test started: stopped when it ends, and after all tests should a test's own clean-up not have run.
const running = new Set<() => Promise<unknown>>()

async function stopAll(): Promise<void> {
  const stops = [...running]
  running.clear()
  await Promise.allSettled(stops.map(stop => stop()))
}

beforeAll(async () => {
  database = await createTestDatabase()
})

afterAll(async () => {
  try {
    await stopAll()
  }
  finally {
    await database?.drop()
  }
})

/** SIGTERM, and SIGKILL if the process has not ended 10 s later. */
async function stopProcess(server: ServerProcess): Promise<void> {
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000)
  await server.stop('SIGTERM')
  clearTimeout(timer)
}

/** `count` server processes on the test's database, as `npm start` runs them behind a proxy on this host. */
async function startServers(count: number): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, async () => {
    const server = await startServer({
      DATABASE_URL: database!.url,
      PRESENTER_TOKEN: TOKEN,
      TRUST_PROXY: 'loopback',
      // Above HAProxy's idle times, as the addon README advises behind a balancer.
      KEEP_ALIVE_TIMEOUT: '60',
    })
    running.add(() => stopProcess(server))
    return server
  }))
  const failed = started.find(s => s.status === 'rejected')
  if (failed)
    throw failed.reason
  return started.map(s => (s as PromiseFulfilledResult<ServerProcess>).value)
}

/** A WebSocket client, closed when the test ends. */
async function open(url: string): Promise<Client> {
  const client = await connect(url)
  running.add(async () => client.socket.terminate())
  return client
}

/** Rejects once the socket is closed (at once if it is already). */
function closed(socket: WebSocket): Promise<never> {
  return new Promise((_, reject) => {
    if (socket.readyState !== socket.OPEN)
      reject(new Error('socket closed'))
    socket.once('close', () => reject(new Error('socket closed')))
  })
}

/** Resolves when the socket is closed. */
const ended = (socket: WebSocket): Promise<void> => closed(socket).catch(() => {})

/** The reply to vote `ref`: 'ack', the error it got, or 'closed' when the socket closed first. */
function replyTo(socket: WebSocket, ref: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, WAIT_MS, 'no reply')
    function onMessage(data: unknown): void {
      const message = JSON.parse(String(data)) as ServerMessage
      if (message.type === 'ack' && message.ref === ref)
        done('ack')
      else if (message.type === 'error' && message.ref === ref)
        done(`error: ${message.error}`)
    }
    const onClose = (): void => done('closed')
    function done(reply: string): void {
      clearTimeout(timer)
      socket.off('message', onMessage)
      socket.off('close', onClose)
      resolve(reply)
    }
    socket.on('message', onMessage)
    socket.once('close', onClose)
    if (socket.readyState !== socket.OPEN)
      done('closed')
  })
}

/** Every results message a presenter socket gets for `poll`, the latest last. */
function collectResults(client: Client, poll: string): { seen: ChoiceResults[], firstVoteAt: () => number | undefined } {
  const seen: ChoiceResults[] = []
  let firstVoteAt: number | undefined
  client.socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type !== 'results' || message.results.id !== poll)
      return
    seen.push(message.results as ChoiceResults)
    if (message.results.participants > 0)
      firstVoteAt ??= performance.now()
  })
  return {
    seen,
    firstVoteAt: () => firstVoteAt,
  }
}

async function results(url: string, poll: string): Promise<ChoiceResults> {
  const res = await fetch(`${url}/api/polls/${poll}/results`, { headers: auth })
  if (!res.ok)
    throw new Error(`results from ${url}: ${res.status} ${await res.text()}`)
  return await res.json() as ChoiceResults
}

async function presenterPost(url: string, path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, `POST ${path}: ${await res.text()}`).toBe(200)
}

/** The deck's single-choice polls, as the server lists them. */
async function singleChoicePolls(url: string): Promise<ChoicePoll[]> {
  const polls = await (await fetch(`${url}/api/polls`)).json() as Poll[]
  return polls.filter((poll): poll is ChoicePoll => poll.kind === 'single')
}

interface Joined {
  client: Client
  /** The backend HAProxy gave the socket to. */
  servedBy: string
  /** The participant's answer to the poll as the server holds it. */
  answer: Answer | null
}

/** Opens a socket and says hello as `participant`, once the server shows `poll` as the current poll. */
async function join(url: string, participant: string, poll: string): Promise<Joined> {
  const client = await open(url)
  try {
    client.send({ type: 'hello', participant })
    const shut = closed(client.socket)
    await Promise.race([
      client.until('welcome', WAIT_MS),
      shut,
    ])
    // The poll was put on screen through another process: this one may hear of it a moment later.
    for (;;) {
      const current = await Promise.race([
        client.until('current', WAIT_MS),
        shut,
      ])
      if (current.poll === poll && current.state?.open) {
        return {
          client,
          servedBy: String(client.headers['x-served-by']),
          answer: current.answer,
        }
      }
    }
  }
  catch (err) {
    client.socket.terminate()
    throw err
  }
}

/** `join` through the balancer as a phone retries: until a backend takes the socket and answers. */
async function rejoin(url: string, participant: string, poll: string): Promise<Joined> {
  const deadline = Date.now() + WAIT_MS
  for (let attempt = 1; ; attempt++) {
    try {
      return await join(url, participant, poll)
    }
    catch (err) {
      if (Date.now() > deadline)
        throw err
      await sleep(50 * Math.min(attempt, 10))
    }
  }
}

interface Phone {
  participant: string
  /** What it sends, in order: a first answer, then the one it settles on. */
  answers: string[]
  /** The backend each of its sockets was served by, in order. */
  servedBy: string[]
  /** The last answer acknowledged, and by which backend. */
  acked?: { answer: string, by: string }
  /** Answers found stored on reconnecting though the process taking them died before acknowledging them. */
  storedUnacked: number
  /** What a server it reconnected to held that it should not: neither its acknowledged answer nor the one in flight. */
  lost: string[]
  /** ms from its socket closing to being served again. */
  reconnectMs?: number
  errors: string[]
}

describe('several server processes on one PostgreSQL database behind HAProxy', () => {
  it('loses no acknowledged vote when a process is killed during a burst, and every process counts them all', async () => {
    onTestFinished(stopAll)
    const t0 = performance.now()
    const [a, b, c] = await startServers(3)
    const lb: LoadBalancer = await startLoadBalancer([
      { name: 'a', port: a!.port },
      { name: 'b', port: b!.port },
      { name: 'c', port: c!.port },
    ])
    running.add(lb.stop)
    console.log(`3 servers and HAProxy answering after ${elapsed(t0)} ms`)

    const poll = (await singleChoicePolls(lb.url))[0]!
    const options = poll.options.map(option => option.id)
    await presenterPost(lb.url, `/api/polls/${poll.id}/open`)
    await presenterPost(lb.url, '/api/current', { poll: poll.id })

    // The presenter's screen, on C directly.
    const presenter = await open(c!.url)
    const onScreen = collectResults(presenter, poll.id)
    presenter.send({ type: 'hello', token: TOKEN, watch: true })

    const phones: Phone[] = Array.from({ length: PHONES }, (_, i) => ({
      participant: `lb-phone-${i}-${Math.random().toString(36).slice(2, 10)}`,
      answers: [options[(i + 1) % options.length]!, options[i % options.length]!],
      servedBy: [],
      storedUnacked: 0,
      lost: [],
      errors: [],
    }))
    const final = (phone: Phone): string => phone.answers.at(-1)!
    const first = await Promise.all(phones.map(phone => join(lb.url, phone.participant, poll.id)))
    first.forEach((joined, i) => phones[i]!.servedBy.push(joined.servedBy))
    const spread = Object.fromEntries(['a', 'b', 'c'].map(name => [name, first.filter(j => j.servedBy === name).length]))
    console.log(`${PHONES} phones through HAProxy: ${JSON.stringify(spread)}`)
    expect(spread.a, 'round robin gives A phones').toBeGreaterThan(0)
    expect(spread.b, 'round robin gives B phones').toBeGreaterThan(0)
    expect(spread.c, 'round robin gives C phones').toBeGreaterThan(0)

    let acksByA = 0
    let killedAt: number | undefined
    const burstAt = performance.now()
    function acknowledged(by: string): void {
      if (by === 'a' && ++acksByA === KILL_AFTER_ACKS_BY_A) {
        killedAt = performance.now()
        a!.child.kill('SIGKILL')
      }
    }

    /**
     * Reconnects through HAProxy once its socket is closed, and checks what the new backend holds for it: its
     * last acknowledged answer, or the one it sent and never heard back about (`inFlight`).
     */
    async function failover(phone: Phone, joined: Joined, inFlight?: string): Promise<Joined> {
      await ended(joined.client.socket)
      const closedAt = performance.now()
      const next = await rejoin(lb.url, phone.participant, poll.id)
      phone.reconnectMs = elapsed(closedAt)
      phone.servedBy.push(next.servedBy)
      if (next.answer !== (phone.acked?.answer ?? null) && next.answer !== inFlight)
        phone.lost.push(`acknowledged ${phone.acked?.answer} by ${phone.acked?.by}, found ${next.answer} on ${next.servedBy}`)
      return next
    }

    /** A phone votes as the voting page does: after reconnecting, again unless the server already holds its answer. */
    async function vote(phone: Phone, joined: Joined, startAt: number): Promise<void> {
      await sleep(startAt)
      let ref = 0
      for (const answer of phone.answers) {
        let sent = false
        for (;;) {
          if (joined.client.socket.readyState !== joined.client.socket.OPEN) {
            joined = await failover(phone, joined, sent
              ? answer
              : undefined)
            if (sent && joined.answer === answer) {
              phone.storedUnacked += 1
              break
            }
          }
          joined.client.send({
            type: 'vote',
            ref: ++ref,
            poll: poll.id,
            answer,
          })
          sent = true
          const reply = await replyTo(joined.client.socket, ref)
          if (reply === 'ack') {
            phone.acked = { answer, by: joined.servedBy }
            acknowledged(joined.servedBy)
            break
          }
          if (reply !== 'closed') {
            // Refused (e.g. 503 while a database write failed): the page tries again a moment later.
            phone.errors.push(reply)
            if (phone.errors.length > 5)
              throw new Error(`${phone.participant}: ${phone.errors.join('; ')}`)
            await sleep(200)
          }
        }
      }
      // Its answer acknowledged by A, which is killed: once its socket is cut, the phone reconnects elsewhere and
      // must find the answer there.
      if (joined.servedBy === 'a')
        await failover(phone, joined)
    }

    await Promise.all(phones.map((phone, i) => vote(phone, first[i]!, i * STAGGER_MS)))
    console.log(`burst of ${PHONES * 2} votes done in ${elapsed(burstAt)} ms; A killed ${killedAt === undefined
      ? 'never'
      : `${Math.round(killedAt - burstAt)} ms in, after it acknowledged ${KILL_AFTER_ACKS_BY_A} votes`}`)
    expect(killedAt, 'A was killed during the burst').toBeDefined()

    const onA = phones.filter(phone => phone.servedBy[0] === 'a')
    const reconnects = phones.filter(phone => phone.reconnectMs !== undefined).map(phone => phone.reconnectMs!).sort((x, y) => x - y)
    const checked = onA.filter(phone => phone.servedBy.length > 1 && phone.lost.length === 0)
    console.log(`phones on A: ${onA.length}, of which with their final answer acknowledged by A: ${onA.filter(phone => phone.acked?.by === 'a').length}; `
      + `answers found stored though not acknowledged: ${phones.reduce((n, phone) => n + phone.storedUnacked, 0)}; `
      + `reconnected: ${reconnects.length} (median ${reconnects[Math.floor(reconnects.length / 2)]} ms, max ${reconnects.at(-1)} ms), found what they expected: ${checked.length}; `
      + `refusals: ${phones.flatMap(phone => phone.errors).length}`)
    const downAt = lb.output().split('\n').find(line => line.includes('servers/a is DOWN'))
    console.log(`HAProxy: ${downAt?.trim() ?? 'A not yet marked down'}`)

    // Every phone that reconnected found its acknowledged answer (or the one it had sent since).
    expect(phones.flatMap(phone => phone.lost.map(lost => `${phone.participant}: ${lost}`)), lb.output()).toEqual([])
    expect(onA.filter(phone => phone.servedBy.length < 2).map(phone => phone.participant), 'every phone on A reconnected').toEqual([])
    expect(phones.flatMap(phone => phone.servedBy.slice(1)).filter(name => name === 'a'), 'no socket served by A after it died').toEqual([])

    // As stored: each phone's answer, once.
    const db = new pg.Client({ connectionString: database!.url })
    await db.connect()
    try {
      const { rows } = await db.query<{ participant: string, answer: Answer }>('SELECT participant, answer FROM votes WHERE session = \'\' AND poll = $1', [poll.id])
      const stored = new Map(rows.map(row => [row.participant, row.answer]))
      expect(rows).toHaveLength(PHONES)
      expect(phones.filter(phone => stored.get(phone.participant) !== final(phone)).map(phone => phone.participant)).toEqual([])
    }
    finally {
      await db.end()
    }

    // Counted alike everywhere: through the balancer, on B and C directly, and on the presenter's screen on C.
    const counts = Object.fromEntries(options.map(option => [option, phones.filter(phone => final(phone) === option).length]))
    const expected = { participants: PHONES, counts }
    const settleAt = performance.now()
    await expect.poll(() => results(lb.url, poll.id), { timeout: WAIT_MS, interval: 100 }).toMatchObject(expected)
    await expect.poll(() => results(b!.url, poll.id), { timeout: WAIT_MS, interval: 100 }).toMatchObject(expected)
    await expect.poll(() => results(c!.url, poll.id), { timeout: WAIT_MS, interval: 100 }).toMatchObject(expected)
    expect(await results(b!.url, poll.id)).toEqual(await results(c!.url, poll.id))
    await expect.poll(() => onScreen.seen.at(-1), { timeout: WAIT_MS, interval: 50 }).toMatchObject(expected)
    console.log(`results agreed everywhere ${elapsed(settleAt)} ms after the last vote; the presenter on C got ${onScreen.seen.length} results messages, `
      + `participants ${onScreen.seen.map(r => r.participants).filter((n, i, all) => n !== all[i - 1]).join(' → ')}`)
  }, 240_000)

  it('pushes a vote taken by one process to a presenter on another', async () => {
    onTestFinished(stopAll)
    const [a, b] = await startServers(2)
    const poll = (await singleChoicePolls(a!.url)).at(-1)!
    const answer = poll.options[0]!.id

    const presenter = await open(b!.url)
    const onScreen = collectResults(presenter, poll.id)
    presenter.send({ type: 'hello', token: TOKEN, watch: true })
    // A watching presenter gets every poll's results at once: the socket is set up.
    await expect.poll(() => onScreen.seen.length, { timeout: WAIT_MS, interval: 50 }).toBeGreaterThan(0)
    expect(onScreen.seen.at(-1)!.participants).toBe(0)

    const phone = await open(a!.url)
    phone.send({ type: 'hello', participant: 'cross-process-phone' })
    await phone.until('current', WAIT_MS)
    const sentAt = performance.now()
    phone.send({
      type: 'vote',
      ref: 1,
      poll: poll.id,
      answer,
    })
    expect(await replyTo(phone.socket, 1)).toBe('ack')
    const ackMs = elapsed(sentAt)

    await expect.poll(() => onScreen.seen.at(-1), { timeout: WAIT_MS, interval: 20 }).toMatchObject({
      participants: 1,
      counts: { [answer]: 1 },
    })
    console.log(`cross-process push: vote → ack on A ${ackMs} ms, vote → results on B's presenter socket ${Math.round(onScreen.firstVoteAt()! - sentAt)} ms`)
  }, 120_000)
})
