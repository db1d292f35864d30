import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CODE_ALPHABET, generateSessionCode } from '../../packages/slidev-addon-live-polls/server/domain/sessionCode'
import { DEFAULT_BUDGETS } from '../../packages/slidev-addon-live-polls/server/edge/addressBudgets'
import { connect, startInProcess, TOKEN } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

let server: InProcessServer
let live: string
const BUDGET = DEFAULT_BUDGETS.failedLookupsPerMinute

beforeAll(async () => {
  server = await startInProcess({ deck })
  live = await server.polls.service.createSession()
})
afterAll(() => server.close())

/** An HTTP request from a given loopback address (each one its own client to the server); resolves with the status. */
function status(path: string, from: string, options: { method?: string, headers?: Record<string, string> } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { localAddress: from, ...options }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end()
  })
}

function guess(): string {
  for (;;) {
    const code = generateSessionCode()
    if (code !== live)
      return code
  }
}

describe('guessing session codes and presenter tokens', () => {
  it('unknown session codes draw on a per-address budget, then 429 for every look-up; another address still gets in', async () => {
    const from = '127.0.0.1'
    const started = performance.now()
    for (let i = 0; i < BUDGET; i++)
      expect(await status(`/api/polls/has-ospo/results?session=${guess()}`, from)).toBe(404)
    const seconds = (performance.now() - started) / 1000
    expect(await status(`/api/polls/has-ospo/results?session=${guess()}`, from)).toBe(429)
    // Once spent, the right code is refused too: a guesser learns nothing from 429.
    expect(await status(`/api/polls/has-ospo/results?session=${live}`, from)).toBe(429)
    // The default session needs no look-up, so a room behind the same address keeps voting there.
    expect(await status('/api/polls/has-ospo/results', from)).toBe(200)

    const blocked = await connect(server.url, `/ws?session=${live}`, { localAddress: from })
    const closed = new Promise<number>(resolve => blocked.socket.once('close', code => resolve(code)))
    expect(await blocked.next()).toEqual({ type: 'error', error: 'too many failed look-ups: try again in a minute' })
    expect(await closed).toBe(4429)

    expect(await status(`/api/polls/has-ospo/results?session=${live}`, '127.0.0.2')).toBe(200)
    const phone = await connect(server.url, `/ws?session=${live}`, { localAddress: '127.0.0.2' })
    phone.send({ type: 'hello', participant: 'phone-elsewhere-1' })
    expect(await phone.next()).toEqual({ type: 'welcome', presenter: false })
    phone.close()

    const codes = CODE_ALPHABET.length ** live.length
    const years = codes / BUDGET / 60 / 24 / 365
    console.log(`${BUDGET} wrong codes from one address in ${seconds.toFixed(2)} s, then 429; at ${BUDGET} a minute, trying all ${codes.toLocaleString('en')} ${live.length}-character codes takes ${years.toFixed(0)} years (half that, on average, to hit one live session)`)
  })

  it('an unknown code over the WebSocket is a failed look-up too', async () => {
    const from = '127.0.0.3'
    for (let i = 0; i < BUDGET; i++) {
      const client = await connect(server.url, `/ws?session=${guess()}`, { localAddress: from })
      expect(await client.next()).toMatchObject({
        type: 'error',
        error: expect.stringMatching(/^unknown session/),
      })
    }
    expect(await status(`/api/polls/has-ospo/results?session=${live}`, from)).toBe(429)
  })

  it('a long unknown code is echoed in the error, while the close reason stays within its 123 bytes', async () => {
    const client = await connect(server.url, `/ws?session=${encodeURIComponent('Ä'.repeat(200))}`, { localAddress: '127.0.0.6' })
    const closed = new Promise<number>(resolve => client.socket.once('close', code => resolve(code)))
    expect(await client.next()).toMatchObject({
      type: 'error',
      error: expect.stringMatching(/^unknown session "Ä+"$/),
    })
    expect(await closed).toBe(4404)
  })

  it('wrong presenter tokens draw on the same budget, then 429 (WebSocket: an error and close), even for the right token', async () => {
    const from = '127.0.0.4'
    const wrong = { authorization: 'Bearer wrong-token-guess' }
    for (let i = 0; i < BUDGET; i++)
      expect(await status('/api/sessions', from, { headers: wrong })).toBe(401)
    expect(await status('/api/sessions', from, { headers: wrong })).toBe(429)
    expect(await status('/api/sessions', from, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })).toBe(429)

    const socket = await connect(server.url, '/ws', { localAddress: from })
    const closed = new Promise<number>(resolve => socket.socket.once('close', code => resolve(code)))
    socket.send({ type: 'hello', token: TOKEN })
    expect(await socket.next()).toEqual({ type: 'error', error: 'too many failed look-ups: try again in a minute' })
    expect(await closed).toBe(4429)

    expect(await status('/api/sessions', '127.0.0.5', {
      headers: { authorization: `Bearer ${TOKEN}` },
    })).toBe(200)
    const presenter = await connect(server.url, '/ws', { localAddress: '127.0.0.5' })
    presenter.send({ type: 'hello', token: TOKEN })
    expect(await presenter.next()).toEqual({ type: 'welcome', presenter: true })
    presenter.close()
  })
})
