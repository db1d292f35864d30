import type { StoredAs, VoteRecord } from '../stores/store.ts'
import { describe, expect, it } from 'vitest'
import { StorageError } from '../stores/storageError.ts'
import { createVoteBatcher } from './voteBatcher.ts'

function vote(participant: string, answer = 'yes'): VoteRecord {
  return {
    session: '',
    poll: 'choice',
    participant,
    answer,
    at: 0,
  }
}

/**
 * A store's saveVotes as the batcher sees it, whose commits the test lets through one at a time: each call
 * waits until `commit()` ends it, and says what became of each vote from the vote itself.
 */
function heldSave(outcome: (record: VoteRecord) => StoredAs = () => 'visible') {
  const calls: VoteRecord[][] = []
  const waiting: (() => void)[] = []
  let running = 0
  let mostAtOnce = 0
  const arrived: (() => void)[] = []
  return {
    calls,
    get mostAtOnce() {
      return mostAtOnce
    },
    async save(records: VoteRecord[]): Promise<StoredAs[]> {
      calls.push(records)
      running += 1
      mostAtOnce = Math.max(mostAtOnce, running)
      arrived.splice(0).forEach(wake => wake())
      await new Promise<void>(resolve => waiting.push(resolve))
      running -= 1
      return records.map(outcome)
    },
    /** Resolves once `n` saves have been called. */
    async called(n: number): Promise<void> {
      while (calls.length < n) await new Promise<void>(resolve => arrived.push(resolve))
    },
    /** Lets the oldest save waiting commit. */
    commit(): void {
      waiting.shift()?.()
    },
  }
}

describe('the vote batcher', () => {
  it('stores the votes that arrive during a save in the next batch, and acknowledges them after it', async () => {
    const store = heldSave()
    const batcher = createVoteBatcher(store.save)
    const first = batcher.add(vote('participant-a'))
    await store.called(1)
    const during = [
      batcher.add(vote('participant-b')),
      batcher.add(vote('participant-c')),
    ]
    store.commit()
    await expect(first).resolves.toBe('visible')
    await store.called(2)
    expect(store.calls.map(batch => batch.map(r => r.participant))).toEqual([
      ['participant-a'],
      ['participant-b', 'participant-c'],
    ])
    store.commit()
    await expect(Promise.all(during)).resolves.toEqual(['visible', 'visible'])
  })

  it('never saves two batches at once, however the votes arrive', async () => {
    const store = heldSave()
    const batcher = createVoteBatcher(store.save)
    const acks: Promise<StoredAs>[] = [
      batcher.add(vote('participant-a')),
    ]
    await store.called(1)
    // Votes in the same turn as the first save, in later turns, and after the save has been let through.
    acks.push(batcher.add(vote('participant-b')))
    await new Promise(resolve => setImmediate(resolve))
    acks.push(batcher.add(vote('participant-c')))
    await new Promise(resolve => setTimeout(resolve, 5))
    acks.push(batcher.add(vote('participant-d')))
    expect(store.calls).toHaveLength(1)
    store.commit()
    await store.called(2)
    acks.push(batcher.add(vote('participant-e')))
    store.commit()
    await store.called(3)
    store.commit()
    await Promise.all(acks)
    expect(store.mostAtOnce).toBe(1)
    expect(store.calls.flat().map(r => r.participant)).toEqual([
      'participant-a',
      'participant-b',
      'participant-c',
      'participant-d',
      'participant-e',
    ])
  })

  it('acknowledges each vote of a batch with what became of that vote', async () => {
    const outcomes: Record<string, StoredAs> = { shown: 'visible', moderated: 'hidden', erased: 'dropped' }
    const store = heldSave(record => outcomes[record.answer as string]!)
    const batcher = createVoteBatcher(store.save)
    const acks = [
      'shown',
      'moderated',
      'erased',
      'moderated',
    ].map((answer, i) => batcher.add(vote(`participant-${i}`, answer)))
    await store.called(1)
    store.commit()
    await expect(Promise.all(acks)).resolves.toEqual([
      'visible',
      'hidden',
      'dropped',
      'hidden',
    ])
    expect(store.calls).toHaveLength(1)
  })

  it('after the database refuses a batch for one vote\'s data, stores the others one by one and refuses only that vote', async () => {
    // As PostgreSQL refuses a text it cannot hold: the whole transaction fails.
    const refused = Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' })
    const calls: string[][] = []
    const batcher = createVoteBatcher(async (records) => {
      calls.push(records.map(r => r.participant))
      if (records.some(r => r.answer === 'unstorable'))
        throw refused
      return records.map(() => 'visible')
    })
    const acks = ['fine', 'unstorable', 'fine', 'fine'].map((answer, i) => batcher.add(vote(`participant-${i}`, answer)))
    const settled = await Promise.allSettled(acks)
    expect(settled.map(s => s.status === 'fulfilled'
      ? s.value
      : s.reason)).toEqual([
      'visible',
      refused,
      'visible',
      'visible',
    ])
    expect(calls).toEqual([
      [
        'participant-0',
        'participant-1',
        'participant-2',
        'participant-3',
      ],
      ['participant-0'],
      ['participant-1'],
      ['participant-2'],
      ['participant-3'],
    ])
  })

  it('does not store vote by vote after the database as a whole failed (gone, full or too slow)', async () => {
    const down = new StorageError('polls.sqlite', 'did not answer in time')
    let calls = 0
    const batcher = createVoteBatcher(async () => {
      calls += 1
      throw down
    })
    const settled = await Promise.allSettled([
      batcher.add(vote('participant-a')),
      batcher.add(vote('participant-b')),
    ])
    expect(settled).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ])
    expect(calls).toBe(1)
  })
})
