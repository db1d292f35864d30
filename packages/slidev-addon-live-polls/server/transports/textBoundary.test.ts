import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connect, startInProcess, TOKEN } from '../../test/inProcessServer.ts'

let server: InProcessServer
const auth = { authorization: `Bearer ${TOKEN}` }
const NOT_UNICODE = 'answer must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)'

beforeEach(async () => {
  server = await startInProcess()
})
afterEach(() => server.close())

// JSON as a hostile client writes it: "\ud800" is valid JSON, and half of a surrogate pair, which is no character.
function raw(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

async function ideas(): Promise<{ participants: number, texts: unknown }> {
  return (await fetch(`${server.url}/api/polls/ideas/results`, { headers: auth })).json() as Promise<{ participants: number, texts: unknown }>
}

describe('text that is not well-formed Unicode, at the boundary', () => {
  it('is refused over HTTP with 400 and a clear message, and nothing is stored', async () => {
    const res = await raw('/api/polls/ideas/votes', '{"participant":"participant-a","answer":"x\\ud800y"}')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: NOT_UNICODE })
    // A blank-looking text is empty, and a noncharacter is refused, not kept.
    const blank = await raw('/api/polls/ideas/votes', '{"participant":"participant-a","answer":"\\u2800"}')
    expect([blank.status, await blank.json()]).toEqual([
      400,
      { error: 'answer must be a non-empty answer' },
    ])
    const noncharacter = await raw('/api/polls/ideas/votes', '{"participant":"participant-a","answer":"idea\\uffff"}')
    expect(noncharacter.status).toBe(400)
    expect((await ideas()).participants).toBe(0)
    // The text is fine once whole.
    expect((await raw('/api/polls/ideas/votes', '{"participant":"participant-a","answer":"x\\ud83c\\udf89y"}')).status).toBe(200)
    expect((await ideas()).participants).toBe(1)
  })

  it('is refused over the WebSocket with an error for that vote, and the socket votes on', async () => {
    const phone = await connect(server.url)
    phone.send({ type: 'hello', participant: 'phone-participant-1' })
    await phone.until('current')
    phone.send('{"type":"vote","ref":1,"poll":"ideas","answer":"x\\udc00"}')
    expect(await phone.until('error')).toEqual({ type: 'error', ref: 1, error: NOT_UNICODE })
    phone.send({
      type: 'vote',
      ref: 2,
      poll: 'ideas',
      answer: 'shared maintenance',
    })
    expect(await phone.until('ack')).toEqual({ type: 'ack', ref: 2, poll: 'ideas' })
    expect((await ideas()).participants).toBe(1)
    phone.close()
  })

  it('is refused in the presenter\'s texts too: a session name and a text to hide', async () => {
    const { code } = await (await raw('/api/sessions', '', auth)).json() as { code: string }
    const named = await fetch(`${server.url}/api/sessions/${code}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth },
      body: '{"name":"Group \\ud800"}',
    })
    expect([named.status, await named.json()]).toEqual([
      400,
      { error: 'name must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)' },
    ])
    const hidden = await raw('/api/polls/ideas/hide-answer', '{"text":"\\ud800"}', auth)
    expect([hidden.status, await hidden.json()]).toEqual([
      400,
      { error: 'text must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)' },
    ])
  })
})
