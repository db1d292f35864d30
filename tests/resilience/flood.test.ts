import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startInProcess } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

let server: InProcessServer

beforeAll(async () => {
  server = await startInProcess({ deck })
})
afterAll(() => server.close())

describe('one client flooding', () => {
  it('is cut off while every other phone\'s vote is still acknowledged', async () => {
    const flooder = await connect(server.url)
    flooder.send({ type: 'hello', participant: 'flooding-phone' })
    const closed = new Promise<number>(resolve => flooder.socket.once('close', code => resolve(code)))

    const phones = await Promise.all(Array.from({ length: 30 }, () => connect(server.url)))
    phones.forEach((p, i) => p.send({ type: 'hello', participant: `honest-phone-${i}` }))
    await Promise.all(phones.map(p => p.until('current')))

    for (let i = 0; i < 1000; i++) {
      flooder.send({
        type: 'vote',
        ref: i,
        poll: 'has-ospo',
        answer: 'no',
      })
    }

    const latencies = await Promise.all(phones.map(async (phone, i) => {
      const sent = performance.now()
      phone.send({
        type: 'vote',
        ref: 1,
        poll: 'has-ospo',
        answer: 'formal',
      })
      expect(await phone.until('ack', 5000)).toEqual({ type: 'ack', ref: 1, poll: 'has-ospo' })
      return performance.now() - sent + i * 0
    }))
    expect(await closed).toBe(1008)
    latencies.sort((a, b) => a - b)
    console.log(`honest votes during a flood: ack p50 ${latencies[15]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 ≤ 20 ms)`)
    const results = await server.polls.service.results('', 'has-ospo')
    expect(results.kind === 'single' && results.counts.formal).toBe(30)
    phones.forEach(p => p.close())
  })
})
