import type { ChoiceResults } from '../../polls/types'
import type { Store, StoreChange, StoredAnswer } from '../stores/store'
import { expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls'
import { createPollService } from './pollService'

/**
 * A store shared with other processes, whose reads of their votes finish when the test says: such a read and
 * this process's own writes can finish in either order.
 */
function sharedStore() {
  let hear: ((change: StoreChange) => void) | undefined
  const reads: { participants: string[], resolve: (answers: StoredAnswer[]) => void }[] = []
  const store = {
    shared: true,
    saveVotes: async (records: unknown[]) => records.map(() => 'visible'),
    answers: async () => [],
    answersOf: (_session: string, _poll: string, participants: string[]) => new Promise<StoredAnswer[]>(resolve => reads.push({ participants, resolve })),
    state: async () => undefined,
    hasSession: async () => true,
    onChange(listener: (change: StoreChange) => void) {
      hear = listener
      return () => {}
    },
  } as unknown as Store
  return {
    store,
    reads,
    notify: (change: StoreChange) => hear!(change),
  }
}

/**
 * Another process stored `others` and the first answer of a phone; while this process reads them, the phone,
 * moved here, answers 'informal'. The read finishes with the answers from before that; a second read, of the
 * phone alone, finds `afterwards` (what the database holds once both are committed).
 */
async function raced(others: StoredAnswer[], afterwards: string) {
  const { store, reads, notify } = sharedStore()
  const service = createPollService({ store, polls })
  await service.results('', 'choice')
  notify({
    type: 'votes',
    session: '',
    poll: 'choice',
    participants: [
      ...others.map(o => o.participant),
      'phone-moved-0001',
    ],
  })
  await expect.poll(() => reads.length).toBe(1)
  await service.vote('', 'choice', 'phone-moved-0001', 'informal')
  const followed = new Promise<void>(resolve => service.subscribe(event => event.type === 'results' && resolve()))
  reads[0]!.resolve([
    ...others,
    { participant: 'phone-moved-0001', answer: 'formal' },
  ])
  await expect.poll(() => reads.length).toBe(2)
  expect(reads[1]!.participants).toEqual(['phone-moved-0001'])
  reads[1]!.resolve([
    { participant: 'phone-moved-0001', answer: afterwards },
  ])
  await followed
  return service
}

it('reads again, rather than keep, another process\'s answer read while this process changed it', async () => {
  const service = await raced([], 'informal')
  expect(await service.answerOf('', 'choice', 'phone-moved-0001')).toBe('informal')
  expect((await service.results('', 'choice') as ChoiceResults).counts).toMatchObject({ formal: 0, informal: 1 })
})

it('takes the other process\'s answer when it was committed last, as read again', async () => {
  const service = await raced([], 'formal')
  expect((await service.results('', 'choice') as ChoiceResults).counts).toMatchObject({ formal: 1, informal: 0 })
})

it('takes at once the answers this process did not change meanwhile', async () => {
  const service = await raced([
    { participant: 'phone-elsewhere-1', answer: 'no' },
  ], 'informal')
  expect((await service.results('', 'choice') as ChoiceResults).counts).toMatchObject({ formal: 0, informal: 1, no: 1 })
})
