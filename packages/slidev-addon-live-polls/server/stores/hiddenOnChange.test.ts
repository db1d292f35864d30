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

function text(participant: string, answer: string, at: number): VoteRecord {
  return {
    session: '',
    poll: 'ideas',
    participant,
    answer,
    at,
    key: moderationKey(answer),
  }
}

describe(`a changed answer on the ${onPostgres ? 'PostgreSQL' : 'SQLite'} store`, () => {
  it('is hidden when changed to a moderated text, and shown again when changed from it', async () => {
    await store.hideAnswers('', 'ideas', moderationKey('rude words'), 1)
    expect(await store.saveVotes([
      text('phone-a', 'a fine idea', 2),
      text('phone-b', 'another idea', 2),
    ])).toEqual(['visible', 'visible'])
    // A participant whose visible answer becomes a moderated text: the row it replaces was visible.
    expect(await store.saveVotes([
      text('phone-a', 'Rude  Words', 3),
    ])).toEqual(['hidden'])
    expect((await store.answers('', 'ideas')).map(a => a.participant)).toEqual(['phone-b'])
    expect(await store.answersOf('', 'ideas', ['phone-a'])).toEqual([])
    expect((await store.rowsPage('', null, 10)).rows.map(r => r.participant)).toEqual(['phone-b'])
    expect(await store.hiddenTexts('', 'ideas')).toEqual([
      {
        key: moderationKey('rude words'),
        text: 'Rude  Words',
        count: 1,
      },
    ])
    // And back: the row it replaces was hidden.
    expect(await store.saveVotes([
      text('phone-a', 'a better idea', 4),
    ])).toEqual(['visible'])
    expect(await store.answersOf('', 'ideas', ['phone-a'])).toEqual([
      { participant: 'phone-a', answer: 'a better idea' },
    ])
  })
})
