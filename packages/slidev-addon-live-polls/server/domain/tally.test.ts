import type { Answer, Poll } from '../../polls/types.ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls.ts'
import { openTestStore } from '../../test/testStore.ts'
import { createPollService } from './pollService.ts'
import { aggregate, TEXT_ENTRIES_SHOWN } from './results.ts'
import { createTally } from './tally.ts'

const state = { open: true, revealed: true }
const byId = (id: string): Poll => polls.find(p => p.id === id)!

// Few spellings over fewer keys: groups that merge (case, look-alike letters), spellings that tie, groups that empty and come back.
const spellings = [
  'Skills',
  'skills',
  'SKILLS',
  'budget',
  'Budget',
  'OSPO',
  'ospo',
  'ОSРО',
  'x',
  'X',
  'Ärende',
  'ärende',
  'a',
  'A',
  'z',
]
const shuffle = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })

/** Valid answers for `poll`, drawn so that they collide often. */
function answerOf(poll: Poll): fc.Arbitrary<Answer> {
  switch (poll.kind) {
    case 'single':
      return fc.constantFrom(...poll.options.map(o => o.id))
    case 'multiple':
      return fc.shuffledSubarray(poll.options.map(o => o.id), { minLength: 1 })
    case 'scale':
      return fc.integer({ min: poll.min, max: poll.max })
    case 'ranking':
      return shuffle(poll.options.map(o => o.id))
    case 'text':
      return fc.constantFrom(...spellings)
  }
}

type Step = { op: 'set', participant: number, answer: Answer } | { op: 'delete', participant: number } | { op: 'read' }

describe('running counts agree with counting afresh', () => {
  for (const poll of polls) {
    it(`${poll.kind} poll "${poll.id}": after any sequence of votes, revotes and removals`, () => {
      const step: fc.Arbitrary<Step> = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            op: fc.constant('set' as const),
            participant: fc.nat(12),
            answer: answerOf(poll),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            op: fc.constant('delete' as const),
            participant: fc.nat(12),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.constant({ op: 'read' as const }),
        },
      )
      fc.assert(fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), (steps, limit) => {
        // Counts are made at the first read, then kept by differences: both are compared with counting afresh.
        const tally = createTally(poll, new Map(), limit)
        const fresh = () => aggregate(poll, state, [
          ...tally.answers.values(),
        ], limit)
        for (const s of steps) {
          if (s.op === 'set')
            tally.set(`p${s.participant}`, s.answer)
          else if (s.op === 'delete')
            tally.delete(`p${s.participant}`)
          else expect(tally.results(state)).toEqual(fresh())
        }
        expect(tally.results(state)).toEqual(fresh())
      }), { numRuns: 300 })
    })
  }
})

type ServiceStep
  = | { op: 'vote', participant: number, text: string }
    | { op: 'hide', text: string }
    | { op: 'reset' }
    | { op: 'read' }

describe('the poll service\'s live results', () => {
  it('equal a fresh count of what is stored, after random votes, revotes, moderation and resets', async () => {
    // More distinct answers than results list, so that the cut at TEXT_ENTRIES_SHOWN is crossed.
    const texts = [
      ...spellings,
      ...Array.from({ length: TEXT_ENTRIES_SHOWN + 30 }, (_, i) => i % 3
        ? `idea ${i}`
        : `Idea ${i} IDEA`),
    ]
    const step: fc.Arbitrary<ServiceStep> = fc.oneof(
      {
        weight: 40,
        arbitrary: fc.record({
          op: fc.constant('vote' as const),
          participant: fc.nat(400),
          text: fc.constantFrom(...texts),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          op: fc.constant('hide' as const),
          text: fc.constantFrom(...spellings),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.constant({ op: 'reset' as const }),
      },
      {
        weight: 4,
        arbitrary: fc.constant({ op: 'read' as const }),
      },
    )
    let runs = 0
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 100, maxLength: 600 }), async (steps) => {
      const store = await openTestStore()
      const service = createPollService({ store, polls })
      const stored = async () => (await store.answers('', 'ideas')).map(a => a.answer)
      const fresh = async (limit?: number) => aggregate(byId('ideas'), await service.state('', 'ideas'), await stored(), limit)
      try {
        for (const s of steps) {
          if (s.op === 'vote')
            await service.vote('', 'ideas', `participant-${s.participant}`, s.text)
          else if (s.op === 'hide')
            await service.hideText('', 'ideas', s.text)
          else if (s.op === 'reset')
            await service.reset('', 'ideas')
          else expect(await service.results('', 'ideas')).toEqual(await fresh(TEXT_ENTRIES_SHOWN))
        }
        expect(await service.results('', 'ideas')).toEqual(await fresh(TEXT_ENTRIES_SHOWN))
        expect(await service.fullResults('', 'ideas')).toEqual(await fresh())
        runs += 1
      }
      finally {
        service.stopFollowing()
        await store.close()
      }
    }), { numRuns: 40 })
    console.log(`${runs} random sequences of 100–600 votes, moderations, resets and reads: live results equal a fresh count of the stored answers at each read`)
  }, 120_000)
})
