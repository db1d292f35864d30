import type { InProcessServer } from '../../test/inProcessServer.ts'
import type { StorageSettings } from '../stores/openStore.ts'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connect, startInProcess, TOKEN } from '../../test/inProcessServer.ts'
import { onPostgres, testStorage } from '../../test/testStore.ts'

// Two servers on one PostgreSQL database, in one test process: as two `npm start` processes behind a load
// balancer, they must act as one server (the real processes and HAProxy are in multiProcess.test.ts).
let storage: StorageSettings
let a: InProcessServer
let b: InProcessServer
beforeEach(async () => {
  storage = await testStorage()
  a = await startInProcess(storage)
  b = await startInProcess(storage)
})
afterEach(async () => {
  await a?.close()
  await b?.close()
})

const auth = { 'authorization': `Bearer ${TOKEN}`, 'content-type': 'application/json' }
function post(server: InProcessServer, path: string, body: unknown = {}) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(body),
  })
}
async function results(server: InProcessServer, poll: string, session = '') {
  return (await fetch(`${server.url}/api/polls/${poll}/results${session
    ? `?session=${session}`
    : ''}`, { headers: auth })).json() as Promise<Record<string, any>>
}

async function presenterOn(server: InProcessServer, session = '') {
  const presenter = await connect(server.url, `/ws${session
    ? `?session=${session}`
    : ''}`)
  presenter.send({ type: 'hello', token: TOKEN })
  await presenter.until('current')
  return presenter
}
async function phoneOn(server: InProcessServer, participant: string, session = '') {
  const phone = await connect(server.url, `/ws${session
    ? `?session=${session}`
    : ''}`)
  phone.send({ type: 'hello', participant })
  return { ...phone, current: await phone.until('current') }
}
/** Reads messages until one satisfies `test` (the other process's push may come after earlier ones). */
async function until<T extends { type: string }>(client: { next: (ms?: number) => Promise<any> }, test: (m: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const message = await client.next(Math.max(1, deadline - Date.now())) as T
    if (test(message))
      return message
  }
}

describe.runIf(onPostgres)('two servers on one PostgreSQL database', () => {
  it('push a vote cast on one to the presenter on the other, and follow each other\'s presenter', async () => {
    const presenter = await presenterOn(b)
    const phone = await phoneOn(a, 'phone-on-a-0001')
    presenter.send({ type: 'present', poll: 'choice' })
    expect(await phone.until('current')).toMatchObject({
      poll: 'choice',
      state: { open: true },
    })
    const sent = performance.now()
    phone.send({
      type: 'vote',
      ref: 1,
      poll: 'choice',
      answer: 'formal',
    })
    expect(await phone.until('ack')).toEqual({ type: 'ack', ref: 1, poll: 'choice' })
    const pushed = await until<any>(presenter, m => m.type === 'results' && m.results.id === 'choice' && m.results.participants === 1)
    console.log(`a vote on server A reached the presenter on server B ${(performance.now() - sent).toFixed(1)} ms after it was sent`)
    expect(pushed.results.counts).toMatchObject({ formal: 1 })
    // A phone that moves to the other server finds its vote there.
    phone.close()
    const moved = await phoneOn(b, 'phone-on-a-0001')
    expect(moved.current).toMatchObject({ poll: 'choice', answer: 'formal' })
    presenter.close()
    moved.close()
  })

  it('show a phone that moves to the other at once the vote the first acknowledged', async () => {
    expect((await post(a, '/api/current', { poll: 'choice' })).status).toBe(200)
    await expect.poll(() => b.polls.service.current('')).toBe('choice')
    // B keeps the poll's answers in memory: what it has heard of A's votes may lag behind A's acks.
    await b.polls.service.answerOf('', 'choice', 'nobody-here-yet')
    // Fifty phones vote on A; each has its next socket open on B already, and says hello there on the ack.
    const missed = await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      const participant = `phone-moving-${i}`
      const next = await connect(b.url)
      const phone = await phoneOn(a, participant)
      phone.send({
        type: 'vote',
        ref: 1,
        poll: 'choice',
        answer: 'informal',
      })
      expect(await phone.until('ack', 10_000)).toMatchObject({ ref: 1 })
      next.send({ type: 'hello', participant })
      const { answer } = await next.until('current', 10_000)
      phone.close()
      next.close()
      return answer === 'informal'
        ? []
        : [`${participant}: ${answer}`]
    }))
    expect(missed.flat()).toEqual([])
  })

  it('share poll state, moderation, resets and workshop sessions', async () => {
    expect((await post(a, '/api/polls/choice/close')).status).toBe(200)
    const refused = await fetch(`${b.url}/api/polls/choice/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant: 'phone-b-00001', answer: 'formal' }),
    })
    expect(refused.status).toBe(409)
    await post(a, '/api/polls/choice/open')
    await expect.poll(async () => (await fetch(`${b.url}/api/polls/choice/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant: 'phone-b-00001', answer: 'formal' }),
    })).status).toBe(200)

    for (const [participant, text] of [
      ['phone-1-aaaa', 'rude words'],
      ['phone-2-aaaa', 'kind words'],
    ])
      await post(b, '/api/polls/ideas/votes', { participant, answer: text })
    expect((await results(a, 'ideas')).participants).toBe(2)
    await post(a, '/api/polls/ideas/hide-answer', { text: 'RUDE words' })
    await expect.poll(async () => (await results(b, 'ideas')).participants).toBe(1)
    await post(a, '/api/polls/ideas/reset')
    await expect.poll(async () => (await results(b, 'ideas')).participants).toBe(0)

    const { code } = await (await post(a, '/api/sessions')).json() as { code: string }
    const phone = await phoneOn(b, 'phone-in-workshop', code)
    const closed = new Promise<number>(resolve => phone.socket.once('close', resolve))
    expect((await fetch(`${a.url}/api/sessions/${code}`, { method: 'DELETE', headers: auth })).status).toBe(200)
    expect(await closed).toBe(4404)
    expect((await fetch(`${b.url}/api/polls/choice/results?session=${code}`, { headers: auth })).status).toBe(404)
  })

  it('read everything again after losing the connection that hears the other\'s changes', async () => {
    const presenter = await presenterOn(b)
    expect((await results(b, 'choice')).participants).toBe(0)
    // PostgreSQL restarts, or a network blip: B's listening connection is cut, and votes on A go unheard.
    const admin = new pg.Client({ connectionString: storage.databaseUrl })
    await admin.connect()
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`)
    await admin.end()
    for (let i = 0; i < 3; i++)
      await post(a, '/api/polls/choice/votes', { participant: `phone-unheard-${i}`, answer: 'no' })
    // Once B listens again it reads afresh, and its presenter gets the results it missed.
    await until<any>(presenter, m => m.type === 'results' && m.results.id === 'choice' && m.results.participants >= 3, 15_000)
    expect((await results(b, 'choice')).participants).toBe(3)
    presenter.close()
  })
})
