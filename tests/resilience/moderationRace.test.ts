import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startInProcess, TOKEN } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

const auth = { authorization: `Bearer ${TOKEN}` }
const TRIES = 40
let server: Awaited<ReturnType<typeof startInProcess>>
beforeAll(async () => {
  server = await startInProcess({ deck })
})
afterAll(() => server.close())

const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, init)

describe('moderation against a vote in flight', () => {
  it('keeps a text hidden that is hidden while a vote with it is on its way', async () => {
    const session = (await (await api('/api/sessions', { method: 'POST', headers: auth })).json() as { code: string }).code
    const hide = async (text: string) => (await (await api(`/api/polls/what-else/hide-answer?session=${session}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text }),
    })).json() as { hidden: number }).hidden
    const spam = (i: number) => `spam number ${i} call 0170 55 ${1000 + i}`
    let inFlight = 0
    const t0 = performance.now()
    for (let i = 0; i < TRIES; i++) {
      const participant = `race-phone-${i}-xyz`
      // Half over WebSocket, half over HTTP; the hide is sent at once or a moment later, so that it lands
      // before, during and after the vote's way through the server.
      let voted: Promise<unknown>
      if (i % 2 === 0) {
        const phone = await connect(server.url, `/ws?session=${session}`)
        phone.send({ type: 'hello', participant })
        await phone.until('current')
        phone.send({
          type: 'vote',
          ref: 1,
          poll: 'what-else',
          answer: spam(i),
        })
        voted = phone.until('ack').finally(() => phone.close())
      }
      else {
        voted = api(`/api/polls/what-else/votes?session=${session}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            participant,
            answer: spam(i),
          }),
        })
      }
      if (i % 4 >= 2)
        await new Promise(resolve => setImmediate(resolve))
      const [hidden] = await Promise.all([
        hide(spam(i)),
        voted,
      ])
      // Sent before the hide, and not yet stored when the hide took effect.
      if (hidden === 0)
        inFlight += 1
    }
    console.log(`moderation race: ${TRIES} tries, the vote in flight at the hide in ${inFlight}, ${Math.round(performance.now() - t0)} ms`)

    const results = await (await api(`/api/polls/what-else/results?session=${session}`, { headers: auth })).json() as { participants: number, entries: unknown[] }
    const csv = await (await api(`/api/sessions/${session}/export?format=csv`, { headers: auth })).text()
    const visible = Array.from({ length: TRIES }, (_, i) => i).filter(i => JSON.stringify(results).includes(spam(i)) || csv.includes(spam(i)))
    console.log(`moderation race: hidden texts still visible afterwards in ${visible.length} of ${TRIES} tries`)
    expect(visible).toEqual([])
    expect(results).toMatchObject({ participants: 0, entries: [] })
    expect(inFlight).toBeGreaterThan(0)
  })
})
