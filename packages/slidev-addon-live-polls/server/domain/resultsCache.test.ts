import type { Store } from '../stores/store.ts'
import type { PollService } from './pollService.ts'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as counts from '../../kinds/counting.ts'
import { polls } from '../../test/fixturePolls.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'
import { openTestStore } from '../../test/testStore.ts'
import { createPollService } from './pollService.ts'
import { TEXT_ENTRIES_SHOWN } from './results.ts'

// Every pass over a poll's answers is counted: the expensive path is observable.
vi.mock('../../kinds/counting.ts', { spy: true })
const countAnswers = vi.mocked(counts.countAnswers)

const ANSWERS = 20_000
function fill(vote: (participant: string, answer: string) => Promise<unknown>) {
  return Promise.all(Array.from({ length: ANSWERS }, (_, i) => vote(`participant-${i}`, `idea number ${i % 5000}`)))
}

describe('results of a 20,000-answer hidden text poll', () => {
  let store: Store
  let service: PollService
  beforeAll(async () => {
    store = await openTestStore()
    service = createPollService({ store, polls })
  })
  afterAll(async () => {
    service.stopFollowing()
    await store.close()
  })

  it('an audience view of hidden results counts nothing; results are kept until the poll changes, and a change is counted by its difference', async () => {
    expect((await service.state('', 'ideas')).revealed).toBe(false)
    await fill((participant, answer) => service.vote('', 'ideas', participant, answer))
    countAnswers.mockClear()

    const started = performance.now()
    const views = await Promise.all(Array.from({ length: 100 }, () => service.publicResults('', 'ideas')))
    const audienceMs = (performance.now() - started) / 100
    for (const view of views) {
      expect(view).toEqual({
        id: 'ideas',
        kind: 'text',
        participants: ANSWERS,
        open: true,
        revealed: false,
        hidden: true,
      })
    }
    console.log(`hidden results of ${ANSWERS} answers for the audience: ${audienceMs.toFixed(3)} ms each, ${countAnswers.mock.calls.length} passes over the answers`)
    expect(countAnswers).not.toHaveBeenCalled()

    const first = performance.now()
    const full = await service.results('', 'ideas')
    const firstMs = performance.now() - first
    const again = performance.now()
    const repeated = await Promise.all(Array.from({ length: 100 }, () => service.results('', 'ideas')))
    const cachedMs = (performance.now() - again) / 100
    expect(repeated.every(r => r === full)).toBe(true)
    console.log(`presenter results: first ${firstMs.toFixed(1)} ms, then ${cachedMs.toFixed(4)} ms each from the cache`)
    expect(countAnswers).toHaveBeenCalledTimes(1)
    expect(full).toMatchObject({
      entries: expect.any(Array),
      moreEntries: 5000 - TEXT_ENTRIES_SHOWN,
    })

    // Each change is seen, without another pass over the answers: a vote, a reveal.
    await service.vote('', 'ideas', 'participant-new', 'a brand new idea')
    expect((await service.results('', 'ideas')).participants).toBe(ANSWERS + 1)
    expect(await service.results('', 'ideas')).not.toBe(full)
    await service.reveal('', 'ideas')
    expect(await service.publicResults('', 'ideas')).toMatchObject({
      revealed: true,
      participants: ANSWERS + 1,
      entries: expect.any(Array),
      moreEntries: 5001 - TEXT_ENTRIES_SHOWN,
    })
    expect(countAnswers).toHaveBeenCalledTimes(1)
  }, 60_000)
})

describe('hTTP GET of a hidden 20,000-answer poll', () => {
  let server: Awaited<ReturnType<typeof startInProcess>>
  beforeAll(async () => {
    server = await startInProcess()
  })
  afterAll(() => server.close())

  it('answers the audience without aggregating, and the presenter from the cache', async () => {
    await fill((participant, answer) => server.polls.service.vote('', 'ideas', participant, answer))
    countAnswers.mockClear()
    const timed = async (headers: Record<string, string>) => {
      const started = performance.now()
      for (let i = 0; i < 50; i++) {
        const res = await fetch(`${server.url}/api/polls/ideas/results`, { headers })
        expect(res.status).toBe(200)
        await res.text()
      }
      return (performance.now() - started) / 50
    }
    const audienceMs = await timed({})
    const presenterMs = await timed({ authorization: `Bearer ${TOKEN}` })
    console.log(`GET /api/polls/ideas/results (${ANSWERS} answers, hidden): audience ${audienceMs.toFixed(2)} ms, presenter ${presenterMs.toFixed(2)} ms per request; ${countAnswers.mock.calls.length} pass(es) over the answers in 100 requests`)
    expect(countAnswers).toHaveBeenCalledTimes(1)
  }, 60_000)
})
