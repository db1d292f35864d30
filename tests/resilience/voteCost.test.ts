import type { ServerMessage } from '../../packages/slidev-addon-live-polls/polls/types'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { connect, startInProcess, TOKEN } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

const VOTES = 40
const PHONES = 8

/** Server CPU per vote into the revealed open-text poll holding `answers` answers, while a presenter watches it. */
async function cpuPerVote(answers: number): Promise<{ cpuMs: number, wallMs: number }> {
  const server = await startInProcess({ deck })
  try {
    const { service } = server.polls
    await Promise.all(Array.from({ length: answers }, (_, i) => service.vote('', 'what-else', `seeded-phone-${i}`, `answer ${i % 997} from the room, ${i}`)))
    await service.reveal('', 'what-else')
    const presenter = await connect(server.url)
    presenter.send({ type: 'hello', token: TOKEN })
    await presenter.until('welcome', 20_000)
    const phones = await Promise.all(Array.from({ length: PHONES }, async (_, i) => {
      const phone = await connect(server.url)
      phone.send({ type: 'hello', participant: `measured-phone-${i}` })
      await phone.until('current', 20_000)
      return phone
    }))
    /** A vote, its ack, and the presenter's results that follow it: all the server does for one vote. */
    const vote = async (ref: number): Promise<void> => {
      const phone = phones[ref % PHONES]!
      phone.send({
        type: 'vote',
        ref,
        poll: 'what-else',
        answer: `a new idea ${ref}`,
      })
      expect(await phone.until('ack', 20_000)).toMatchObject({ ref })
      for (let m: ServerMessage | undefined; !(m?.type === 'results' && m.results.id === 'what-else');)
        m = await presenter.next(20_000)
    }
    // The first votes read the poll into memory; then only what each vote costs is measured.
    for (let ref = 0; ref < PHONES; ref++)
      await vote(ref)
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (let ref = PHONES; ref < PHONES + VOTES; ref++)
      await vote(ref)
    const used = process.cpuUsage(cpu)
    presenter.close()
    phones.forEach(phone => phone.close())
    return { cpuMs: (used.user + used.system) / 1000 / VOTES, wallMs: (performance.now() - started) / VOTES }
  }
  finally {
    await server.close()
  }
}

describe('a vote into an open-text poll', () => {
  it('costs about the same with 1,000 answers as with 50,000', async () => {
    const small = await cpuPerVote(1000)
    const large = await cpuPerVote(50_000)
    console.log(`CPU per vote (vote, ack, presenter's results) into a revealed text poll: ${small.cpuMs.toFixed(2)} ms at 1,000 answers, ${large.cpuMs.toFixed(2)} ms at 50,000 (×${(large.cpuMs / small.cpuMs).toFixed(1)}); wall ${small.wallMs.toFixed(1)} / ${large.wallMs.toFixed(1)} ms per vote`)
    expect(large.cpuMs).toBeLessThan(5 * Math.max(small.cpuMs, 1))
  }, 180_000)
})
