import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls.ts'
import { connect, startInProcess, TOKEN } from '../../test/inProcessServer.ts'

let server: InProcessServer

// A fresh server and database for each test: none depends on votes another cast.
beforeEach(async () => {
  server = await startInProcess()
})
afterEach(() => server.close())

describe('webSocket /ws', () => {
  it('follows the presenter, acknowledges votes, and streams results to the presenter', async () => {
    const presenter = await connect(server.url)
    presenter.send({ type: 'hello', token: TOKEN })
    expect(await presenter.next()).toEqual({ type: 'welcome', presenter: true })
    expect(await presenter.next()).toMatchObject({ type: 'current', poll: null })
    // A presenter starts with every poll's results.
    for (const poll of polls) {
      expect(await presenter.next()).toMatchObject({
        type: 'results',
        results: { id: poll.id },
      })
    }

    const phone = await connect(server.url)
    phone.send({ type: 'hello', participant: 'phone-participant-1' })
    expect(await phone.next()).toEqual({ type: 'welcome', presenter: false })
    expect(await phone.next()).toEqual({
      type: 'current',
      poll: null,
      definition: null,
      state: null,
      answer: null,
    })

    presenter.send({ type: 'present', poll: 'choice' })
    expect(await phone.next()).toEqual({
      type: 'current',
      poll: 'choice',
      // The phone page is built without any deck's polls: the question comes with it.
      definition: polls.find(p => p.id === 'choice'),
      state: { open: true, revealed: true },
      answer: null,
    })

    phone.send({
      type: 'vote',
      ref: 1,
      poll: 'choice',
      answer: 'formal',
    })
    expect(await phone.next()).toEqual({ type: 'ack', ref: 1, poll: 'choice' })
    const update = await presenter.until('results')
    expect(update.results).toMatchObject({
      id: 'choice',
      participants: 1,
      counts: { formal: 1 },
    })

    // Reconnecting as the same participant brings back the stored answer.
    phone.close()
    const again = await connect(server.url)
    again.send({ type: 'hello', participant: 'phone-participant-1' })
    await again.until('welcome')
    expect(await again.next()).toMatchObject({ type: 'current', poll: 'choice', answer: 'formal' })

    again.send({
      type: 'vote',
      ref: 2,
      poll: 'choice',
      answer: 'no',
    })
    expect(await again.until('ack')).toEqual({ type: 'ack', ref: 2, poll: 'choice' })
    expect((await presenter.until('results')).results).toMatchObject({
      participants: 1,
      counts: { formal: 0, no: 1 },
    })
    presenter.close()
    again.close()
  })

  it('refuses bad messages with an error and keeps the socket open', async () => {
    const client = await connect(server.url)
    for (const bad of [
      'not json',
      '{"type":"nope"}',
      '{"type":"vote","ref":"x"}',
      '[]',
      'null',
    ]) {
      client.send(bad)
      expect((await client.until('error')).error).toMatch(/JSON|bad message/)
    }
    client.send({
      type: 'vote',
      ref: 5,
      poll: 'choice',
      answer: 'formal',
    })
    expect(await client.until('error')).toMatchObject({ ref: 5, error: /hello/ })
    client.send({ type: 'hello', participant: 'phone-participant-2' })
    client.send({
      type: 'vote',
      ref: 6,
      poll: 'choice',
      answer: 'not-an-option',
    })
    expect(await client.until('error')).toMatchObject({ ref: 6, error: /option id/ })
    client.send({
      type: 'vote',
      ref: 7,
      poll: 'nope',
      answer: 'x',
    })
    expect(await client.until('error')).toMatchObject({ ref: 7, error: 'unknown poll "nope"' })
    expect(client.socket.readyState).toBe(client.socket.OPEN)
    client.close()
  })

  it('refuses presenter actions from an audience socket or a wrong token', async () => {
    const client = await connect(server.url)
    client.send({ type: 'hello', participant: 'phone-participant-3', token: 'wrong-token' })
    expect(await client.next()).toEqual({ type: 'welcome', presenter: false })
    client.send({ type: 'present', poll: 'ideas' })
    expect(await client.until('error')).toEqual({ type: 'error', error: 'presenter token required' })
    expect(await server.polls.service.current('')).not.toBe('ideas')
    client.close()
  })

  it('answers a repeated watched hello without every poll\'s results again, unless its view changes', async () => {
    const deck = await connect(server.url)
    deck.send({ type: 'hello', watch: true })
    const first: string[] = []
    for (let i = 0; i < 2 + polls.length; i++) first.push((await deck.next()).type)
    expect(first.filter(t => t === 'results')).toHaveLength(polls.length)
    deck.send({ type: 'hello', watch: true })
    deck.send({ type: 'hello', watch: true, token: TOKEN })
    const after: string[] = []
    for (let i = 0; i < 4 + polls.length; i++) after.push((await deck.next()).type)
    // The same view twice: welcome and current only; then the presenter's full view: every poll again.
    expect(after.slice(0, 4)).toEqual([
      'welcome',
      'current',
      'welcome',
      'current',
    ])
    expect(after.slice(4)).toEqual(polls.map(() => 'results'))
    await expect(deck.next(200)).rejects.toThrow(/timeout/)
    deck.close()
  })

  it('cuts off a socket that floods messages', async () => {
    const client = await connect(server.url)
    const closed = new Promise<number>(resolve => client.socket.once('close', code => resolve(code)))
    for (let i = 0; i < 200; i++)
      client.send({ type: 'hello' })
    expect(await closed).toBe(1008)
  })
})
