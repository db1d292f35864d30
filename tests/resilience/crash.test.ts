import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'

const token = 'crash-test-token'
const db = tempDb()
let server: Awaited<ReturnType<typeof startServer>> | undefined

afterAll(() => server?.stop())

describe('a crash during a burst of votes', () => {
  it('loses no acknowledged vote and counts nothing twice after SIGKILL and restart', async () => {
    server = await startServer({ POLL_DB: db, PRESENTER_TOKEN: token })
    const phones = await Promise.all(Array.from({ length: 40 }, () => connect(server!.url)))
    const acked = new Map<string, string>()
    const inFlight = new Map<string, string>()
    const options = [
      'formal',
      'informal',
      'planned',
      'no',
      'unsure',
    ]

    // Each phone votes, then changes its vote, over and over, until the server is killed.
    const run = { killed: false }
    const bursts = phones.map(async (phone, p) => {
      const participant = `crash-phone-${p}-xxxx`
      phone.send({ type: 'hello', participant })
      await phone.until('current')
      for (let ref = 1; !run.killed; ref++) {
        const answer = options[(p + ref) % options.length]!
        inFlight.set(participant, answer)
        phone.send({
          type: 'vote',
          ref,
          poll: 'has-ospo',
          answer,
        })
        try {
          const reply = await phone.next(3000)
          if (reply.type === 'ack') {
            acked.set(participant, answer)
            inFlight.delete(participant)
          }
        }
        catch {
          return // the socket died with the server
        }
      }
    })
    await new Promise(resolve => setTimeout(resolve, 800))
    run.killed = true
    await server.stop('SIGKILL')
    await Promise.all(bursts)
    expect(acked.size).toBeGreaterThan(0)

    server = await startServer({ POLL_DB: db, PRESENTER_TOKEN: token })
    const results = await (await fetch(`${server.url}/api/polls/has-ospo/results`, {
      headers: { authorization: `Bearer ${token}` },
    })).json() as { participants: number, counts: Record<string, number> }
    const rows = new Database(db, { readonly: true }).prepare('SELECT participant, answer FROM votes WHERE poll = ?').all('has-ospo') as { participant: string, answer: string }[]

    // Every acknowledged vote is there: the latest acked answer, or the one sent after it (not yet acked).
    for (const [participant, answer] of acked) {
      const row = rows.find(r => r.participant === participant)
      expect([
        answer,
        inFlight.get(participant),
      ], participant).toContain(JSON.parse(row!.answer))
    }
    // One row per participant, and the counts add up to them.
    expect(new Set(rows.map(r => r.participant)).size).toBe(rows.length)
    expect(results.participants).toBe(rows.length)
    expect(Object.values(results.counts).reduce((a, b) => a + b, 0)).toBe(rows.length)
    phones.forEach(p => p.close())
  }, 60_000)
})
