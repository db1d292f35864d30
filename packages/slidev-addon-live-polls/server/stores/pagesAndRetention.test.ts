import type { Store, VoteRecord } from './store.ts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { moderationKey } from '../../polls/normalizeText.ts'
import { onPostgres, openTestStore } from '../../test/testStore.ts'

// Runs on SQLite (project `unit`) and on PostgreSQL (project `postgres`).
let store: Store
beforeEach(async () => {
  store = await openTestStore()
})
afterEach(() => store.close())

function vote(poll: string, participant: string, answer: string, at = 1): VoteRecord {
  return {
    session: '',
    poll,
    participant,
    answer,
    at,
    key: moderationKey(answer),
  }
}

describe(`export pages on the ${onPostgres ? 'PostgreSQL' : 'SQLite'} store`, () => {
  it('say there is no next page once a page comes back short, and only then', async () => {
    await store.saveVotes(['a', 'b', 'c'].map(p => vote('ideas', p, `idea ${p}`)))
    const full = await store.rowsPage('', null, 3)
    expect(full.rows).toHaveLength(3)
    // A full page may be the last: the next read says so, with nothing in it.
    expect(full.next).not.toBeNull()
    expect(await store.rowsPage('', full.next, 3)).toEqual({ rows: [], next: null })
    const short = await store.rowsPage('', null, 5)
    expect(short.rows).toHaveLength(3)
    expect(short.next).toBeNull()
  })

  it('start at the first poll whatever its id sorts as (digits sort before letters)', async () => {
    await store.saveVotes([
      vote('0-warm-up', 'a', 'first'),
      vote('ideas', 'a', 'second'),
    ])
    const page = await store.rowsPage('', null, 10)
    expect(page.rows.map(r => r.poll)).toEqual(['0-warm-up', 'ideas'])
  })
})

describe(`retention of moderated texts on the ${onPostgres ? 'PostgreSQL' : 'SQLite'} store`, () => {
  it('keeps a text moderated for as long as its newest copy, sent again after it was hidden, is kept', async () => {
    await store.hideAnswers('', 'ideas', moderationKey('rude words'), 1_000)
    expect(await store.saveVotes([
      vote('ideas', 'a', 'Rude words', 5_000),
    ])).toEqual(['hidden'])
    // Erasing what is older than the hiding, but not than the copy sent again: the copy stays, and stays hidden.
    await store.deleteOlderThan(3_000)
    expect((await store.hiddenTexts('', 'ideas')).map(h => h.key)).toEqual([
      moderationKey('rude words'),
    ])
    expect(await store.answers('', 'ideas')).toEqual([])
    // Once the copy is past retention too, both go.
    await store.deleteOlderThan(6_000)
    expect(await store.hiddenTexts('', 'ideas')).toEqual([])
  })
})
