import type { AddressInfo } from 'node:net'
import type { PollResults, ServerMessage } from '../../polls/types'
import type { PollEvent, PollService } from '../domain/pollService'
import { createServer } from 'node:http'
import { afterEach, expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls'
import { connect, TOKEN } from '../../test/inProcessServer'
import { createLookupBudget } from '../edge/lookupBudget'
import { createRealtime } from './realtime'

interface Read {
  poll: string
  resolve: (results: PollResults) => void
  reject: (err: unknown) => void
}

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach(close => close()))

/**
 * The WebSocket side on a service whose results reads finish when the test says: reads that take a while (a
 * database far away, a busy one) can finish in any order.
 */
async function realtimeOnSlowReads() {
  const reads: Read[] = []
  const listeners = new Set<(event: PollEvent) => void>()
  const read = (_session: string, poll: string): Promise<PollResults> => new Promise((resolve, reject) => reads.push({ poll, resolve, reject }))
  const service = {
    polls,
    poll: (id: string) => polls.find(poll => poll.id === id)!,
    current: async () => null,
    hasSession: async () => true,
    results: read,
    publicResults: read,
    subscribe(listener: (event: PollEvent) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as unknown as PollService
  const realtime = createRealtime({
    service,
    token: TOKEN,
    session: () => '',
    address: () => '127.0.0.1',
    allowedOrigin: () => true,
    lookups: createLookupBudget(0),
    budgets: { sockets: 0, messagesPerMinute: 0 },
    coalesceMs: 0,
  })
  const server = createServer()
  server.on('upgrade', (req, socket, head) => realtime.upgrade(req, socket, head) || socket.destroy())
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => {
    realtime.close()
    server.close()
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reads,
    emit: (event: PollEvent) => listeners.forEach(listener => listener(event)),
  }
}

function counted(poll: string, participants: number): PollResults {
  return {
    id: poll,
    kind: 'single',
    open: true,
    revealed: true,
    participants,
    counts: {},
  }
}

async function presenter(url: string) {
  const client = await connect(url)
  const results: PollResults[] = []
  client.socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type === 'results')
      results.push(message.results as PollResults)
  })
  client.send({ type: 'hello', token: TOKEN, watch: true })
  return { client, results }
}

it('never sends a watcher results older than ones it already sent: a read outdated by a change is dropped', async () => {
  const { url, reads, emit } = await realtimeOnSlowReads()
  const [first, ...others] = polls.map(poll => poll.id)
  const screen = await presenter(url)
  // The hello reads every poll's results; before those reads finish, a vote changes the first poll.
  await expect.poll(() => reads.length).toBe(polls.length)
  const initial = reads.splice(0)
  emit({ type: 'results', session: '', poll: first! })
  await expect.poll(() => reads.length).toBe(1)
  reads.shift()!.resolve(counted(first!, 1))
  await expect.poll(() => screen.results.length).toBe(1)

  // The hello's reads finish last: the first poll's is from before the vote.
  initial.forEach(read => read.resolve(counted(read.poll, 0)))
  await expect.poll(() => screen.results.at(-1)?.id).toBe(others.at(-1))
  expect(screen.results.filter(results => results.id === first).map(results => results.participants)).toEqual([1])
})

it('reads results again after a read failed, rather than answering every later hello with the failure', async () => {
  const { url, reads } = await realtimeOnSlowReads()
  const early = await presenter(url)
  await expect.poll(() => reads.length).toBe(polls.length)
  reads.splice(0).forEach(read => read.reject(new Error('database unreachable')))
  await early.client.until('error')

  const later = await presenter(url)
  await expect.poll(() => reads.length).toBe(polls.length)
  reads.splice(0).forEach(read => read.resolve(counted(read.poll, 0)))
  await expect.poll(() => later.results.length).toBe(polls.length)
})
