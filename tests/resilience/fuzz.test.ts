import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateAnswer } from '../../packages/slidev-addon-live-polls/polls/validateAnswer'
import { createSqliteStore } from '../../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { connect, startInProcess } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { deck, polls } from '../deckPolls.ts'

const db = tempDb()
let server: InProcessServer

beforeAll(async () => {
  server = await startInProcess({ dbPath: db, deck })
})
afterAll(() => server.close())

const pollId = fc.oneof(fc.constantFrom(...polls.map(p => p.id)), fc.string())
const participant = fc.oneof(fc.stringMatching(/^[\w-]{8,64}$/), fc.string(), fc.integer())
const deep = fc.integer({ min: 100, max: 5000 }).map(n => `${'['.repeat(n)}${']'.repeat(n)}`)
const answer = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('formal', 'resources', 3, 0, -1, Number.MAX_VALUE, Number.NaN, ['resources', 'resources']),
  fc.array(fc.constantFrom('support', 'resources', 'culture', 'regulation', 'outsourcing', 'x')),
  fc.string({ maxLength: 400 }),
)
/** Bodies: valid-looking votes with hostile parts, plain junk, deep nesting and bytes that are not UTF-8. */
const body = fc.oneof(
  fc.record({ participant, answer }).map(b => JSON.stringify(b)),
  fc.jsonValue().map(v => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  deep,
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map(bytes => Buffer.from([0xC3, 0x28, ...bytes])),
)

/** Every stored answer must be one the poll accepts: bad input never reaches the database. */
async function expectOnlyValidData(): Promise<void> {
  const store = createSqliteStore(db)
  for (const poll of polls) {
    for (const stored of await store.answers('', poll.id)) {
      expect(stored.participant).toMatch(/^[\w-]{8,64}$/)
      expect(validateAnswer(poll, stored.answer)).toEqual({ ok: true, answer: stored.answer })
    }
  }
  await store.close()
}

describe('fuzzing', () => {
  it('hTTP: random bodies get a 2xx or a 4xx JSON error, never a crash or bad data', async () => {
    await fc.assert(fc.asyncProperty(pollId, body, async (id, payload) => {
      const res = await fetch(`${server.url}/api/polls/${encodeURIComponent(id)}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      })
      expect([200, 400, 404, 409, 413, 429]).toContain(res.status)
      const json = await res.json() as { error?: string }
      if (res.status !== 200)
        expect(typeof json.error).toBe('string')
    }), { numRuns: 400 })
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    await expectOnlyValidData()
  })

  it('webSocket: random messages are answered with an error or ignored; the server stays up', async () => {
    const message = fc.oneof(
      fc.record({
        type: fc.constantFrom('hello', 'vote', 'present', 'nope'),
        ref: fc.jsonValue(),
        poll: pollId,
        answer,
        participant,
        token: fc.jsonValue(),
      }, {
        requiredKeys: ['type'],
      }).map(m => JSON.stringify(m)),
      fc.jsonValue().map(v => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      deep,
    )
    await fc.assert(fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
      const client = await connect(server.url)
      client.send({ type: 'hello', participant: 'fuzzing-phone-1' })
      for (const m of messages) client.send(m)
      client.send({
        type: 'vote',
        ref: 424242,
        poll: 'has-ospo',
        answer: 'formal',
      })
      // Whatever came before, a valid vote after it still gets its answer.
      for (;;) {
        const reply = await client.next(3000)
        if ('ref' in reply && reply.ref === 424242)
          break
      }
      client.close()
    }), { numRuns: 60 })
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    await expectOnlyValidData()
  })

  it('webSocket: a frame of invalid UTF-8 or over 16 KiB closes that socket only', async () => {
    const bad = await connect(server.url)
    const closed = new Promise<number>(resolve => bad.socket.once('close', code => resolve(code)))
    bad.socket.send(Buffer.from([0x7B, 0xC3, 0x28, 0x7D]), { binary: false })
    expect(await closed).toBe(1007)

    const big = await connect(server.url)
    const closedBig = new Promise<number>(resolve => big.socket.once('close', code => resolve(code)))
    big.send('x'.repeat(17 * 1024))
    expect(await closedBig).toBe(1009)

    const good = await connect(server.url)
    good.send({ type: 'hello', participant: 'after-the-bad-ones' })
    expect(await good.next()).toEqual({ type: 'welcome', presenter: false })
    good.close()
  })
})
