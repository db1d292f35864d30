import type { ServerMessage } from '../../packages/slidev-addon-live-polls/polls/types'
import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import process from 'node:process'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { SEND_HOLD_BYTES } from '../../packages/slidev-addon-live-polls/server/transports/realtime'
import { startInProcess, TOKEN } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import { deck } from '../deckPolls.ts'

let server: InProcessServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const mb = (bytes: number): string => (bytes / 1048576).toFixed(0)
/** The process's memory after a forced collection: what is still held, not garbage not yet collected. */
function memory(): { rss: number, held: number } {
  gc()
  const m = process.memoryUsage()
  return { rss: m.rss, held: m.heapUsed + m.external }
}

/** A watcher that says hello 26 times (inside the per-socket burst) and then never reads another byte. */
async function stalledWatcher(url: string): Promise<{ socket: WebSocket, received: ServerMessage[] }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`)
  const received: ServerMessage[] = []
  socket.on('message', data => received.push(JSON.parse(String(data)) as ServerMessage))
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  ;(socket as unknown as { _socket: { pause: () => void } })._socket.pause()
  for (let i = 0; i < 26; i++) socket.send(JSON.stringify({ type: 'hello', watch: true }))
  return { socket, received }
}

describe('readers that never read', () => {
  it('five stalled watchers of a revealed 20,000-answer text poll, with votes arriving, cost bounded memory and are held back', async () => {
    server = await startInProcess({ deck })
    const { service } = server.polls
    // About 1.9 MB of results if every answer were listed.
    await Promise.all(Array.from({ length: 20_000 }, (_, i) => service.vote('', 'what-else', `seeded-phone-${i}`, `idea ${i}: open source rules for the municipality's procurement`)))
    await service.reveal('', 'what-else')
    // A presenter that reads everything and keeps the latest results of the text poll.
    const presenter = new WebSocket(`${server.url.replace('http', 'ws')}/ws`)
    let latest: ServerMessage | undefined
    presenter.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage
      latest = m.type === 'results' && m.results.id === 'what-else'
        ? m
        : latest
    })
    await new Promise((resolve, reject) => presenter.once('open', resolve).once('error', reject))
    presenter.send(JSON.stringify({ type: 'hello', token: TOKEN }))
    const before = memory()

    const stalled = await Promise.all(Array.from({ length: 5 }, () => stalledWatcher(server!.url)))
    // Ten seconds of votes, each coalescing window broadcasting to every watcher. They repeat answers of the
    // longest length (200 characters), so that the hundred listed are large (~25 KB a message) and fill the
    // stalled sockets' kernel buffers (~4 MB each on loopback) within seconds.
    const long = (n: number): string => `${n} ${'Öppen källkod för städer och län – '.repeat(6)}`.slice(0, 200)
    let votes = 0
    const until = Date.now() + 10_000
    while (Date.now() < until) {
      await Promise.all(Array.from({ length: 10 }, () => service.vote('', 'what-else', `late-phone-${votes}`, long(votes++ % 100))))
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    await new Promise(resolve => setTimeout(resolve, 200))
    const after = memory()
    const stats = server.polls.stats()
    console.log(`5 stalled watchers, ${votes} votes in 10 s into a revealed 20,000-answer text poll: RSS ${mb(before.rss)} → ${mb(after.rss)} MB, heap+external ${mb(before.held)} → ${mb(after.held)} MB; ${stats.held} sockets with results held back, ${stats.slowClosed} cut, ${(stats.queuedBytes / 1024).toFixed(0)} KB queued in the server for all sockets`)
    expect(after.held - before.held).toBeLessThan(40 * 1048576)
    expect(after.rss - before.rss).toBeLessThan(100 * 1048576)
    expect(stats.held + stats.slowClosed).toBe(5)
    // Each stalled socket holds at most the bound and the one message that crossed it.
    expect(stats.queuedBytes).toBeLessThan(5 * (SEND_HOLD_BYTES + 64 * 1024))

    // A reading presenter is not held back: its latest results count every vote.
    expect(latest).toMatchObject({
      results: { participants: 20_000 + votes },
    })

    // A stalled watcher that reads again gets the latest results, once, at the end of what was queued.
    const { socket, received } = stalled[0]!
    ;(socket as unknown as { _socket: { resume: () => void } })._socket.resume()
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && !received.some(m => m.type === 'results' && m.results.id === 'what-else' && m.results.participants === 20_000 + votes))
      await new Promise(resolve => setTimeout(resolve, 100))
    const texts = received.filter(m => m.type === 'results' && m.results.id === 'what-else')
    console.log(`the stalled watcher, reading again, got ${texts.length} results messages of the text poll (the kernel's share of the queue, then the latest)`)
    expect(texts.at(-1)).toMatchObject({
      results: {
        participants: 20_000 + votes,
        entries: expect.any(Array),
      },
    })
    stalled.forEach(s => s.socket.terminate())
    presenter.close()
  }, 120_000)
})
