import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { polls } from '../polls/definitions.ts'
import { startInProcess, TOKEN } from '../tests/inProcessServer.ts'
import { tempDb } from '../tests/serverProcess.ts'
import { createPollService } from './pollService.ts'
import * as results from './results.ts'
import { createStore } from './store.ts'

// Every call of the real aggregate() is counted: the expensive path is observable.
vi.mock('./results.ts', { spy: true })
const aggregate = vi.mocked(results.aggregate)

const ANSWERS = 20_000
function fill(vote: (participant: string, answer: string) => Promise<unknown>) {
  return Promise.all(Array.from({ length: ANSWERS }, (_, i) => vote(`participant-${i}`, `idea number ${i % 5000}`)))
}

describe('results of a 20,000-answer hidden text poll', () => {
  const store = createStore(tempDb())
  const service = createPollService({ store, polls })
  afterAll(() => store.close())

  it('an audience view of hidden results aggregates nothing; aggregates are kept until the poll changes', async () => {
    expect(service.state('', 'what-else').revealed).toBe(false)
    await fill((participant, answer) => service.vote('', 'what-else', participant, answer))
    aggregate.mockClear()

    const started = performance.now()
    const views = Array.from({ length: 100 }, () => service.publicResults('', 'what-else'))
    const audienceMs = (performance.now() - started) / 100
    for (const view of views)
      expect(view).toEqual({ id: 'what-else', kind: 'text', participants: ANSWERS, open: true, revealed: false, hidden: true })
    console.log(`hidden results of ${ANSWERS} answers for the audience: ${audienceMs.toFixed(3)} ms each, ${aggregate.mock.calls.length} aggregations`)
    expect(aggregate).not.toHaveBeenCalled()

    const first = performance.now()
    const full = service.results('', 'what-else')
    const firstMs = performance.now() - first
    const again = performance.now()
    const repeated = Array.from({ length: 100 }, () => service.results('', 'what-else'))
    const cachedMs = (performance.now() - again) / 100
    expect(repeated.every(r => r === full)).toBe(true)
    console.log(`presenter results: first ${firstMs.toFixed(1)} ms, then ${cachedMs.toFixed(4)} ms each from the cache`)
    expect(aggregate).toHaveBeenCalledTimes(1)

    // Each change is seen: a vote, a reveal.
    await service.vote('', 'what-else', 'participant-new', 'a brand new idea')
    expect(service.results('', 'what-else').participants).toBe(ANSWERS + 1)
    service.reveal('', 'what-else')
    expect(service.publicResults('', 'what-else')).toMatchObject({ revealed: true, participants: ANSWERS + 1, entries: expect.any(Array) })
    expect(aggregate).toHaveBeenCalledTimes(3)
  }, 60_000)
})

describe('hTTP GET of a hidden 20,000-answer poll', () => {
  let server: Awaited<ReturnType<typeof startInProcess>>
  beforeAll(async () => {
    server = await startInProcess()
  })
  afterAll(() => server.close())

  it('answers the audience without aggregating, and the presenter from the cache', async () => {
    await fill((participant, answer) => server.polls.service.vote('', 'what-else', participant, answer))
    aggregate.mockClear()
    const timed = async (headers: Record<string, string>) => {
      const started = performance.now()
      for (let i = 0; i < 50; i++) {
        const res = await fetch(`${server.url}/api/polls/what-else/results`, { headers })
        expect(res.status).toBe(200)
        await res.text()
      }
      return (performance.now() - started) / 50
    }
    const audienceMs = await timed({})
    const presenterMs = await timed({ authorization: `Bearer ${TOKEN}` })
    console.log(`GET /api/polls/what-else/results (${ANSWERS} answers, hidden): audience ${audienceMs.toFixed(2)} ms, presenter ${presenterMs.toFixed(2)} ms per request; ${aggregate.mock.calls.length} aggregation(s) in 100 requests`)
    expect(aggregate).toHaveBeenCalledTimes(1)
  }, 60_000)
})
