import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startInProcess, upgradeStatus } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

let server: InProcessServer

beforeAll(async () => {
  server = await startInProcess({
    deck,
    allowedOrigins: ['https://public.example.org', 'https://events.example.org'],
  })
})
afterAll(() => server.close())

const json = { 'content-type': 'application/json' }
function vote(participant: string, headers: Record<string, string>, body = JSON.stringify({ participant, answer: 'formal' })) {
  return fetch(`${server.url}/api/polls/has-ospo/votes`, { method: 'POST', headers, body })
}
async function formalCount(): Promise<number> {
  const results = await server.polls.service.results('', 'has-ospo')
  return results.kind === 'single'
    ? results.counts.formal!
    : -1
}

describe('ballot stuffing', () => {
  it('a socket is one participant for its life: a hello with another id is refused', async () => {
    const before = await formalCount()
    const phone = await connect(server.url)
    phone.send({ type: 'hello', participant: 'stuffing-phone-1' })
    await phone.until('current')
    for (let i = 0; i < 5; i++) {
      phone.send({ type: 'hello', participant: `fresh-identity-${i}` })
      expect(await phone.until('error')).toEqual({ type: 'error', error: 'this connection already speaks for another participant: open a new one' })
      phone.send({
        type: 'vote',
        ref: i,
        poll: 'has-ospo',
        answer: 'formal',
      })
      await phone.until('ack')
    }
    // The same id again is a reconnecting phone's hello, and fine.
    phone.send({ type: 'hello', participant: 'stuffing-phone-1' })
    expect(await phone.until('welcome')).toEqual({ type: 'welcome', presenter: false })
    console.log(`one socket, 5 fresh ids, 5 votes: counted ${await formalCount() - before} voter(s)`)
    expect(await formalCount() - before).toBe(1)
    phone.close()
  })

  it('415 for a vote that is not sent as application/json (a form or text/plain POST from any page)', async () => {
    const before = await formalCount()
    for (const headers of [
      { 'content-type': 'text/plain;charset=UTF-8' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      {},
    ] as Record<string, string>[]) {
      const res = await vote('form-voter-1', headers)
      expect(res.status, JSON.stringify(headers)).toBe(415)
      expect(await res.json()).toEqual({ error: 'a vote must be sent as Content-Type: application/json' })
    }
    expect(await formalCount()).toBe(before)
    expect((await vote('json-voter-1', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200)
  })

  it('403 for a vote from another site\'s page; the deck\'s own, PUBLIC_URL\'s and FRAME_ANCESTORS\' origins and no Origin vote', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1']) {
      const res = await vote('cross-site-voter-1', { ...json, origin })
      expect(res.status, origin).toBe(403)
      expect(await res.json()).toEqual({ error: 'votes from another site\'s page are refused' })
    }
    const own = new URL(server.url).origin
    for (const [i, origin] of [own, 'https://public.example.org', 'https://events.example.org'].entries())
      expect((await vote(`allowed-voter-${i}`, { ...json, origin })).status, origin).toBe(200)
    expect((await vote('script-voter-1', json)).status).toBe(200)
  })

  it('403 for a WebSocket upgrade from another site\'s page; allowed origins and no Origin connect', async () => {
    expect(await upgradeStatus(server.url, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(server.url, { origin: 'null' })).toBe(403)
    expect(await upgradeStatus(server.url, { origin: new URL(server.url).origin })).toBe(101)
    expect(await upgradeStatus(server.url, { origin: 'https://events.example.org' })).toBe(101)
    expect(await upgradeStatus(server.url)).toBe(101)
  })
})
