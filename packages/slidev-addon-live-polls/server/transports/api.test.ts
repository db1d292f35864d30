import type { InProcessServer } from '../../test/inProcessServer.ts'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'

let server: InProcessServer
const auth = { authorization: `Bearer ${TOKEN}` }

// A fresh server and database for each test: none depends on votes another cast.
beforeEach(async () => {
  server = await startInProcess()
})
afterEach(() => server.close())

function post(path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string'
      ? body
      : JSON.stringify(body),
  })
}
const vote = (poll: string, participant: string, answer: unknown) => post(`/api/polls/${poll}/votes`, { participant, answer })

describe('hTTP API', () => {
  it('answers health and lists every poll of the deck', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true })
    // Monitors and load balancers check with HEAD: a status, no body.
    const head = await fetch(`${server.url}/api/health`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    // What the phone page and the console show and name from the deck: they are built without it.
    expect(await (await fetch(`${server.url}/api/info`)).json()).toEqual({
      joinUrl: 'http://example.test/vote/',
      title: 'Fixture deck',
      fileStem: 'fixture-deck',
      accent: '#0f766e',
    })
    const list = await (await fetch(`${server.url}/api/polls`)).json() as { id: string, options: unknown[] }[]
    expect(list.map(p => p.id)).toEqual(polls.map(p => p.id))
    // Whole definitions, as the slides wrote them: the phone page and the console are built without any.
    expect(list).toEqual(polls)
  })

  it('stores a vote, and a second vote by the same participant replaces the first', async () => {
    expect((await vote('choice', 'participant-a', 'formal')).status).toBe(200)
    expect((await vote('choice', 'participant-b', 'formal')).status).toBe(200)
    expect((await vote('choice', 'participant-a', 'no')).status).toBe(200)
    const results = await (await fetch(`${server.url}/api/polls/choice/results`)).json()
    expect(results).toMatchObject({
      id: 'choice',
      kind: 'single',
      participants: 2,
      counts: { formal: 1, no: 1, informal: 0 },
    })
  })

  it('takes every poll kind', async () => {
    expect((await vote('choices', 'participant-a', ['resources', 'support'])).status).toBe(200)
    expect((await vote('agreement', 'participant-a', 4)).status).toBe(200)
    expect((await vote('ideas', 'participant-a', 'Skills')).status).toBe(200)
    expect((await vote('ranking', 'participant-a', [
      'support',
      'resources',
      'culture',
      'regulation',
      'outsourcing',
    ])).status).toBe(200)
    const scale = await (await fetch(`${server.url}/api/polls/agreement/results`)).json()
    expect(scale).toMatchObject({
      kind: 'scale',
      mean: 4,
      counts: { 4: 1 },
    })
    const ranking = await (await fetch(`${server.url}/api/polls/ranking/results`)).json()
    expect(ranking).toMatchObject({
      kind: 'ranking',
      order: [
        'support',
        'resources',
        'culture',
        'regulation',
        'outsourcing',
      ],
    })
  })

  it('hides results from the audience until revealed, but not from the presenter', async () => {
    expect((await vote('ideas', 'participant-a', 'Skills')).status).toBe(200)
    const hidden = await (await fetch(`${server.url}/api/polls/ideas/results`)).json()
    expect(hidden).toEqual({
      id: 'ideas',
      kind: 'text',
      participants: 1,
      open: true,
      revealed: false,
      hidden: true,
    })
    const full = await (await fetch(`${server.url}/api/polls/ideas/results`, { headers: auth })).json()
    expect(full).toMatchObject({
      entries: [
        { text: 'Skills', count: 1 },
      ],
    })
    expect((await post('/api/polls/ideas/reveal', undefined, auth)).status).toBe(200)
    expect(await (await fetch(`${server.url}/api/polls/ideas/results`)).json()).toMatchObject({
      revealed: true,
      entries: [
        { text: 'Skills' },
      ],
    })
  })

  it('400: malformed JSON, bad participant, unknown option, wrong answer shape', async () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /JSON/],
      [
        { participant: 'short', answer: 'formal' },
        /participant/,
      ],
      [
        {
          participant: 'x'.repeat(65),
          answer: 'formal',
        },
        /participant/,
      ],
      [
        { participant: 'participant-c', answer: 'maybe' },
        /option id/,
      ],
      [
        {
          participant: 'participant-c',
          answer: ['formal'],
        },
        /option id/,
      ],
      [
        { participant: 'participant-c' },
        /answer/,
      ],
      [[], /object/i],
      ['null', /object/i],
    ]
    for (const [body, message] of cases) {
      const res = await post('/api/polls/choice/votes', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await res.json() as { error: string }).error).toMatch(message)
    }
    const scale = await vote('agreement', 'participant-c', 7)
    expect(scale.status).toBe(400)
    expect(await scale.json()).toEqual({ error: 'answer must be a number from 1 to 5' })
  })

  it('404: unknown poll or path', async () => {
    const res = await vote('no-such-poll', 'participant-a', 'x')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'unknown poll "no-such-poll"' })
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404)
  })

  it('401 for presenter actions without a valid token; 200 with it', async () => {
    for (const action of ['open', 'close', 'reset']) {
      expect((await post(`/api/polls/choice/${action}`)).status).toBe(401)
      expect((await post(`/api/polls/choice/${action}`, undefined, { authorization: 'Bearer wrong' })).status).toBe(401)
    }
    expect((await post('/api/polls/choice/close', undefined, auth)).status).toBe(200)
    expect((await post('/api/current', { poll: 'second-choice' })).status).toBe(401)
    expect((await post('/api/current', { poll: 'second-choice' }, auth)).status).toBe(200)
    expect(await server.polls.service.current('')).toBe('second-choice')
    expect((await post('/api/current', { poll: 'nope' }, auth)).status).toBe(404)
  })

  it('409 when the poll is closed; votes count again once reopened; reset empties it', async () => {
    expect((await post('/api/polls/choice/close', undefined, auth)).status).toBe(200)
    const res = await vote('choice', 'participant-d', 'formal')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({ error: 'poll "choice" is closed' })
    await post('/api/polls/choice/open', undefined, auth)
    expect((await vote('choice', 'participant-d', 'formal')).status).toBe(200)
    await post('/api/polls/choice/reset', undefined, auth)
    expect(await (await fetch(`${server.url}/api/polls/choice/results`)).json()).toMatchObject({ participants: 0 })
  })

  it('413 for a body over 16 KiB, declared or streamed, and the server stays up', async () => {
    const res = await vote('ideas', 'participant-e', 'x'.repeat(17 * 1024))
    expect(res.status).toBe(413)
    // No content-length: the body arrives in chunks and is cut off once it passes the limit.
    const streamed = await new Promise<{ status?: number, body: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/polls/ideas/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }, (r) => {
        let body = ''
        r.on('data', chunk => (body += chunk))
        r.on('end', () => resolve({ status: r.statusCode, body }))
      })
      req.on('error', reject)
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024))
      req.end()
    })
    expect(streamed).toEqual({ status: 413, body: '{"error":"body over 16384 bytes"}' })
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('refuses request targets no URL parser accepts, over HTTP and WebSocket upgrade, and stays up', async () => {
    const { port } = new URL(server.url)
    for (const head of ['GET //x:99999/ HTTP/1.1', 'GET //[ HTTP/1.1', 'GET //x:99999/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13']) {
      const reply = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${head}\r\nHost: x\r\n\r\n`))
        let data = ''
        socket.on('data', chunk => (data += chunk))
        socket.on('close', () => resolve(data))
        socket.on('error', () => resolve(data))
        setTimeout(() => socket.destroy(), 1000)
      })
      expect(reply).not.toMatch(/^HTTP\/1\.1 (?:2|5)/)
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('429 when one client floods, with errors as JSON', async () => {
    // 400 at once against a budget of 100 plus 50/s: refused unless they took over 6 s to arrive.
    const responses = await Promise.all(Array.from({ length: 400 }, (_, i) => vote('choice', `flooder-${i}-xx`, 'no')))
    const limited = responses.filter(r => r.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    expect(await limited[0]!.json()).toEqual({ error: 'too many requests: slow down' })
  })
})
