import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { connect, startInProcess, upgradeStatus } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

let server: InProcessServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A bare socket from 127.0.0.1 that never reads what it is sent: the cheapest attacker for this process. */
function bareSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers })
    socket.once('open', () => resolve(socket)).once('error', reject)
  })
}

describe('one address with many sockets', () => {
  it('cannot hold back another phone\'s ack by sending watched hellos, each socket inside its own limit', async () => {
    server = await startInProcess({ deck })
    // Results worth serialising: 2,000 open-text answers.
    await Promise.all(Array.from({ length: 2000 }, (_, i) => server!.polls.service.vote('', 'what-else', `answering-${i}-xxxx`, `idea ${i}`)))
    const phone = await connect(server.url, '/ws', { localAddress: '127.0.0.2' })
    phone.send({ type: 'hello', participant: 'honest-phone-1' })
    await phone.until('current')

    const attackers = await Promise.all(Array.from({ length: 500 }, () => bareSocket(server!.url)))
    // What the flood gets back: before, every watched hello was answered with every poll's results.
    let resultsToFlood = 0
    attackers.forEach(socket => socket.on('message', (data) => {
      if (String(data).startsWith('{"type":"results"'))
        resultsToFlood += 1
    }))
    const hello = JSON.stringify({ type: 'hello', watch: true })
    const started = performance.now()
    // 30 each: the per-socket burst, so only the per-address budget can refuse them.
    for (let round = 0; round < 30; round++)
      attackers.forEach(socket => socket.send(hello))

    const latencies: number[] = []
    for (let ref = 1; ref <= 10; ref++) {
      const sent = performance.now()
      phone.send({
        type: 'vote',
        ref,
        poll: 'has-ospo',
        answer: ref % 2
          ? 'formal'
          : 'no',
      })
      expect(await phone.until('ack', 10_000)).toMatchObject({ ref })
      latencies.push(performance.now() - sent)
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    const closed = attackers.filter(socket => socket.readyState !== WebSocket.OPEN).length
    const polls = server.polls.service.polls.length
    console.log(`15,000 watched hellos from 500 sockets of one address: another address's ack first ${latencies[0]!.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over 10 votes in ${((performance.now() - started) / 1000).toFixed(1)} s; ${closed} flooding sockets closed; ${resultsToFlood} results messages sent to the flood (at most ${500 * polls}: one set per socket)`)
    // The work is bounded, whatever the machine's speed: a repeated hello gets no results again, so at most one
    // set per socket (before: a set for each of the 15,000 hellos, ~8.9 s of acks held back).
    expect(resultsToFlood).toBeLessThanOrEqual(500 * polls)
    // Generous for a loaded 2-core box (0.5–0.8 s on a quiet one; 5 s seen with eight processes competing).
    expect(Math.max(...latencies)).toBeLessThan(8000)
    attackers.forEach(socket => socket.terminate())
    phone.close()
  }, 60_000)

  it('gets a budget of sockets and of messages across them; another address keeps its own', async () => {
    server = await startInProcess({
      deck,
      budgets: { sockets: 10, messagesPerMinute: 60 },
    })
    const held = await Promise.all(Array.from({ length: 10 }, () => connect(server!.url)))
    expect(await upgradeStatus(server.url)).toBe(429)
    expect(await upgradeStatus(server.url, { localAddress: '127.0.0.2' })).toBe(101)

    // 5 hellos on each of 10 sockets: each socket is far inside its own limit, the address is not (a burst of 30).
    held.forEach((client, i) => Array.from({ length: 5 }, () => client.send({ type: 'hello', participant: `shared-address-${i}-x` })))
    // Each hello is answered with a welcome or refused with an error.
    const welcomes = await Promise.all(held.map(async (client) => {
      let welcome = 0
      for (let answered = 0; answered < 5;) {
        const m = await client.next()
        if (m.type === 'welcome' || (m.type === 'error' && /too many messages/.test(m.error)))
          answered += 1
        welcome += Number(m.type === 'welcome')
      }
      return welcome
    }))
    const welcomed = welcomes.reduce((a, b) => a + b, 0)
    console.log(`50 hellos on 10 sockets of one address with a budget of 60 a minute: ${welcomed} answered, ${50 - welcomed} refused`)
    expect(welcomed).toBeGreaterThanOrEqual(28)
    expect(welcomed).toBeLessThanOrEqual(32)

    const other = await connect(server.url, '/ws', { localAddress: '127.0.0.2' })
    other.send({ type: 'hello', participant: 'other-address-1' })
    expect(await other.next()).toEqual({ type: 'welcome', presenter: false })

    // A closed socket frees its place.
    const gone = new Promise(resolve => held[0]!.socket.once('close', resolve))
    held[0]!.close()
    await gone
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(await upgradeStatus(server.url)).toBe(101)
    held.forEach(client => client.close())
    other.close()
  })

  it('counts by X-Forwarded-For only behind a trusted proxy', async () => {
    server = await startInProcess({
      deck,
      budgets: { sockets: 2 },
    })
    const spoofed = { 'x-forwarded-for': '203.0.113.7' }
    await Promise.all([
      bareSocket(server.url, spoofed),
      bareSocket(server.url, { 'x-forwarded-for': '203.0.113.8' }),
    ])
    // Not trusted: the header changes nothing, all three come from 127.0.0.1.
    expect(await upgradeStatus(server.url, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    })).toBe(429)
    await server.close()

    server = await startInProcess({
      deck,
      budgets: { sockets: 2 },
      trustProxy: 'loopback',
    })
    await Promise.all([
      bareSocket(server.url, spoofed),
      bareSocket(server.url, spoofed),
    ])
    expect(await upgradeStatus(server.url, { headers: spoofed })).toBe(429)
    expect(await upgradeStatus(server.url, {
      headers: { 'x-forwarded-for': '203.0.113.8' },
    })).toBe(101)
  })
})
