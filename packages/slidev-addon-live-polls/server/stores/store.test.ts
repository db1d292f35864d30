import type { StorageSettings } from './openStore.ts'
import type { ExportRow, RowCursor, Store, StoreChange, VoteRecord } from './store.ts'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { moderationKey } from '../../polls/normalizeText.ts'
import { onPostgres, openTestStore, testStorage } from '../../test/testStore.ts'

// The contract both stores keep: this file runs on SQLite (project `unit`) and on PostgreSQL (project `postgres`).
let settings: StorageSettings
let store: Store
beforeEach(async () => {
  settings = await testStorage()
  store = await openTestStore(settings)
})
afterEach(() => store.close())

function vote(participant: string, answer: VoteRecord['answer'], extra: Partial<VoteRecord> = {}): VoteRecord {
  return {
    session: '',
    poll: 'choice',
    participant,
    answer,
    at: 1000,
    ...extra,
  }
}
function text(participant: string, answer: string, extra: Partial<VoteRecord> = {}): VoteRecord {
  return vote(participant, answer, {
    poll: 'ideas',
    key: moderationKey(answer),
    ...extra,
  })
}
/** Every row an export reads, page by page (pages of `limit` rows); `between` runs after each page. */
async function pagedRows(session: string, { poll, limit = 2, between }: { poll?: string, limit?: number, between?: () => Promise<unknown> } = {}): Promise<ExportRow[]> {
  const rows: ExportRow[] = []
  let after: RowCursor | null = null
  do {
    const page = await store.rowsPage(session, after, limit, poll)
    expect(page.rows.length).toBeLessThanOrEqual(limit)
    rows.push(...page.rows)
    after = page.next
    await between?.()
  } while (after)
  return rows
}
const sorted = <T extends { participant: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.participant.localeCompare(b.participant))

describe(`the ${onPostgres ? 'PostgreSQL' : 'SQLite'} store`, () => {
  it('stores a batch in one go, a participant\'s later answer replacing the earlier, and says what became of each', async () => {
    await store.createSession('ABC234', 1)
    expect(await store.saveVotes([
      vote('phone-a', 'formal'),
      vote('phone-b', 'no'),
      vote('phone-a', 'planned', { at: 1001 }),
      vote('phone-c', 'no', { session: 'ABC234' }),
      vote('phone-d', 'no', { session: 'GONE99' }),
      vote('phone-e', ['x', 'y'], { poll: 'ranking' }),
      vote('phone-f', 4, { poll: 'scale' }),
    ])).toEqual([
      'visible',
      'visible',
      'visible',
      'visible',
      'dropped',
      'visible',
      'visible',
    ])
    expect(sorted(await store.answers('', 'choice'))).toEqual([
      { participant: 'phone-a', answer: 'planned' },
      { participant: 'phone-b', answer: 'no' },
    ])
    expect(await store.answers('', 'ranking')).toEqual([
      {
        participant: 'phone-e',
        answer: ['x', 'y'],
      },
    ])
    expect(await store.answers('', 'scale')).toEqual([
      { participant: 'phone-f', answer: 4 },
    ])
    expect(await store.answers('ABC234', 'choice')).toEqual([
      { participant: 'phone-c', answer: 'no' },
    ])
    expect(await store.answersOf('', 'choice', ['phone-b', 'phone-x'])).toEqual([
      { participant: 'phone-b', answer: 'no' },
    ])
  })

  it('keeps poll state, the poll on screen and sessions with their participants', async () => {
    expect(await store.state('', 'choice')).toBeUndefined()
    await store.setState('', 'choice', { open: false, revealed: true })
    expect(await store.state('', 'choice')).toEqual({ open: false, revealed: true })
    expect(await store.current('')).toBeNull()
    await store.setCurrent('', 'choice')
    expect(await store.current('')).toBe('choice')
    await store.setCurrent('', null)
    expect(await store.current('')).toBeNull()

    expect(await store.createSession('ABC234', 20)).toBe(true)
    expect(await store.createSession('ABC234', 30)).toBe(false)
    expect(await store.createSession('XYZ789', 10)).toBe(true)
    expect(await store.hasSession('ABC234')).toBe(true)
    expect(await store.hasSession('NOPE22')).toBe(false)
    await store.saveVotes([
      vote('phone-a', 'no', { session: 'ABC234' }),
      vote('phone-a', 'x', { session: 'ABC234', poll: 'other' }),
      vote('phone-b', 'no', { session: 'ABC234' }),
    ])
    expect(await store.sessions()).toEqual([
      {
        code: 'XYZ789',
        createdAt: 10,
        participants: 0,
        name: null,
      },
      {
        code: 'ABC234',
        createdAt: 20,
        participants: 2,
        name: null,
      },
    ])
    expect(await store.setSessionName('ABC234', 'Group 1 — municipalities')).toBe(true)
    expect(await store.setSessionName('NOPE22', 'x')).toBe(false)
    expect((await store.sessions())[1]!.name).toBe('Group 1 — municipalities')
    await store.setSessionName('ABC234', null)
    expect((await store.sessions())[1]!.name).toBeNull()
  })

  it('exports visible answers in pages, by poll, each poll\'s in the order first given', async () => {
    // One batch at a time: the votes of one batch are committed together, in an order of the store's.
    for (const record of [
      vote('phone-b', 'no', { at: 2000 }),
      vote('phone-a', 'formal', { at: 1000 }),
      vote('phone-c', 'formal', { at: 1500 }),
      text('phone-a', 'an idea', { at: 1200 }),
    ])
      await store.saveVotes([record])
    await store.saveVotes([
      text('phone-c', 'hidden later', { at: 3000 }),
      vote('phone-b', 'planned', { at: 4000 }),
    ])
    await store.hideAnswers('', 'ideas', moderationKey('hidden later'), 4000)
    const choice = [
      {
        poll: 'choice',
        participant: 'phone-b',
        answer: 'planned',
        at: 4000,
      },
      {
        poll: 'choice',
        participant: 'phone-a',
        answer: 'formal',
        at: 1000,
      },
      {
        poll: 'choice',
        participant: 'phone-c',
        answer: 'formal',
        at: 1500,
      },
    ]
    const ideas = [
      {
        poll: 'ideas',
        participant: 'phone-a',
        answer: 'an idea',
        at: 1200,
      },
    ]
    for (const limit of [1, 2, 3, 100]) {
      expect(await pagedRows('', { limit })).toEqual([
        ...choice,
        ...ideas,
      ])
      expect(await pagedRows('', { limit, poll: 'choice' })).toEqual(choice)
    }
    expect(await pagedRows('', { poll: 'scale' })).toEqual([])
    expect(await pagedRows('ABC234')).toEqual([])
  })

  it('reads a row once in a paged export even if its answer changes between pages', async () => {
    await store.saveVotes(Array.from({ length: 7 }, (_, i) => vote(`phone-${i}`, 'no', { at: 1000 + i })))
    let changes = 0
    const rows = await pagedRows('', {
      limit: 2,
      // Every participant changes their answer after each page: those read stay read, the rest are read as they now stand.
      between: () => store.saveVotes(Array.from({ length: 7 }, (_, i) => vote(`phone-${i}`, `changed ${++changes}`, { at: 5000 + changes }))),
    })
    expect(rows.map(r => r.participant)).toEqual(Array.from({ length: 7 }, (_, i) => `phone-${i}`))
    // phone-2 is read after the first change (phone-0 … phone-6 became 'changed 1' … 'changed 7').
    expect(rows.map(r => r.answer).slice(0, 3)).toEqual(['no', 'no', 'changed 3'])
  })

  it('hides every answer reading as a text, and any sent later, until unhidden', async () => {
    await store.saveVotes([
      text('phone-a', 'Rude words'),
      text('phone-b', 'rude  WORDS'),
      text('phone-c', 'kind words'),
    ])
    expect((await store.hideAnswers('', 'ideas', moderationKey('RUDE WORDS'), 2000)).sort()).toEqual(['phone-a', 'phone-b'])
    expect(await store.saveVotes([
      text('phone-d', 'rude words'),
      text('phone-e', 'fine'),
    ])).toEqual(['hidden', 'visible'])
    expect(sorted(await store.answers('', 'ideas')).map(a => a.participant)).toEqual(['phone-c', 'phone-e'])
    expect(await store.hiddenTexts('', 'ideas')).toEqual([
      {
        key: moderationKey('rude words'),
        text: 'Rude words',
        count: 3,
      },
    ])
    expect(sorted(await store.unhideAnswers('', 'ideas', moderationKey('rude words')))).toEqual([
      { participant: 'phone-a', answer: 'Rude words' },
      { participant: 'phone-b', answer: 'rude  WORDS' },
      { participant: 'phone-d', answer: 'rude words' },
    ])
    expect(await store.hiddenTexts('', 'ideas')).toEqual([])
    expect(await store.answers('', 'ideas')).toHaveLength(5)
  })

  it('erases a poll, a session, and what is older than the retention period', async () => {
    await store.createSession('OLDONE', Date.now() - 40 * 86_400_000)
    await store.createSession('NEWONE', Date.now())
    await store.saveVotes([
      vote('phone-old', 'no', {
        session: 'OLDONE',
        at: Date.now(),
      }),
      vote('phone-new', 'no', {
        session: 'NEWONE',
        at: Date.now(),
      }),
      vote('phone-gone', 'no', { at: Date.now() - 31 * 86_400_000 }),
      vote('phone-kept', 'no', {
        at: Date.now(),
      }),
      text('phone-t', 'x'),
    ])
    await store.resetVotes('', 'ideas')
    expect(await store.answers('', 'ideas')).toEqual([])
    expect(await store.deleteOlderThan(Date.now() - 30 * 86_400_000)).toEqual(['OLDONE'])
    expect((await store.sessions()).map(s => s.code)).toEqual(['NEWONE'])
    expect(await pagedRows('OLDONE')).toEqual([])
    expect((await store.answers('', 'choice')).map(a => a.participant)).toEqual(['phone-kept'])
    await store.deleteSession('NEWONE')
    expect(await store.sessions()).toEqual([])
    expect(await pagedRows('NEWONE')).toEqual([])
    expect(await store.saveVotes([
      vote('phone-late', 'no', { session: 'NEWONE' }),
    ])).toEqual(['dropped'])
  })

  it('checks that writes go through and says it is healthy', async () => {
    await store.checkWrites()
    expect(await store.health()).toEqual({ ok: true })
  })
})

describe.runIf(onPostgres)('processes sharing one PostgreSQL database', () => {
  let other: Store
  let heard: StoreChange[]
  beforeEach(async () => {
    // A second store on the same schema: another process, as far as the database can tell.
    other = await openTestStore(settings)
    heard = []
    other.onChange(change => heard.push(change))
  })
  afterEach(() => other.close())
  /** The votes table's dead rows and vacuum count, once a vacuum has been counted (statistics arrive a moment later). */
  async function tableStats(): Promise<{ dead: number, vacuums: number }> {
    const client = new pg.Client({ connectionString: settings.databaseUrl })
    await client.connect()
    try {
      for (let i = 0; ; i++) {
        const { rows: [row] } = await client.query<{ dead: number, vacuums: number }>(`SELECT n_dead_tup::int AS dead, vacuum_count::int AS vacuums
          FROM pg_stat_user_tables WHERE relname = 'votes' AND schemaname = current_schema()`)
        if (row!.vacuums > 0 || i === 100)
          return row!
        await new Promise(r => setTimeout(r, 20))
      }
    }
    finally {
      await client.end()
    }
  }
  const until = async (done: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise(r => setTimeout(r, 10))
  }

  it('hear every committed change of the others, and none of their own', async () => {
    const own: StoreChange[] = []
    store.onChange(change => own.push(change))
    await store.createSession('ABC234', 1)
    await store.saveVotes([
      vote('phone-a', 'no'),
      vote('phone-b', 'no'),
      vote('phone-c', 'x', { session: 'ABC234', poll: 'p2' }),
    ])
    await store.setState('', 'choice', { open: false, revealed: false })
    await store.setCurrent('ABC234', 'p2')
    await store.saveVotes([
      text('phone-t', 'rude'),
    ])
    await store.hideAnswers('', 'ideas', moderationKey('rude'), 1)
    await store.resetVotes('', 'choice')
    await store.deleteSession('ABC234')
    await until(() => heard.length >= 8)
    expect(heard).toEqual([
      {
        type: 'votes',
        session: '',
        poll: 'choice',
        participants: ['phone-a', 'phone-b'],
      },
      {
        type: 'votes',
        session: 'ABC234',
        poll: 'p2',
        participants: ['phone-c'],
      },
      { type: 'state', session: '', poll: 'choice' },
      { type: 'current', session: 'ABC234' },
      {
        type: 'votes',
        session: '',
        poll: 'ideas',
        participants: ['phone-t'],
      },
      { type: 'moderation', session: '', poll: 'ideas' },
      { type: 'reset', session: '', poll: 'choice' },
      { type: 'deleted', session: 'ABC234' },
    ])
    expect(own).toEqual([])
  })

  it('split a large batch of votes into messages PostgreSQL takes', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => vote(`phone-with-a-long-identifier-${i}`, 'no'))
    await store.saveVotes(many)
    await until(() => heard.flatMap(c => c.type === 'votes'
      ? c.participants
      : []).length >= 2000)
    const participants = heard.flatMap(c => c.type === 'votes'
      ? c.participants
      : [])
    expect(new Set(participants).size).toBe(2000)
    expect(heard.length).toBeGreaterThan(1)
  })

  it('tell nothing of a transaction that failed', async () => {
    // A vote for a session erased meanwhile is dropped; a batch that fails as a whole is not announced.
    await expect(store.saveVotes([
      vote('phone-a', 'no'),
      {
        ...vote('phone-b', 'no'),
        answer: undefined as never,
      },
    ])).rejects.toThrow()
    await store.setCurrent('', 'choice')
    await until(() => heard.length >= 1)
    expect(heard).toEqual([
      { type: 'current', session: '' },
    ])
  })

  it('open an up-to-date schema without writing, so that a reader may connect read-only', async () => {
    await store.saveVotes([
      vote('phone-a', 'no'),
    ])
    const url = new URL(settings.databaseUrl!)
    url.searchParams.set('options', `${url.searchParams.get('options')} -c default_transaction_read_only=on`)
    const reader = await openTestStore({
      dbPath: ':memory:',
      databaseUrl: url.toString(),
    })
    try {
      expect(await reader.answers('', 'choice')).toEqual([
        { participant: 'phone-a', answer: 'no' },
      ])
      await expect(reader.saveVotes([
        vote('phone-b', 'no'),
      ])).rejects.toThrow(/is read-only/)
    }
    finally {
      await reader.close()
    }
  })

  it('vacuum after erasure: the deleted rows are gone from the table, not only from queries', async () => {
    await store.saveVotes(Array.from({ length: 50 }, (_, i) => vote(`phone-${i}`, 'no')))
    await store.resetVotes('', 'choice')
    const stats = await tableStats()
    expect(stats.vacuums).toBeGreaterThan(0)
    expect(stats.dead).toBe(0)
  })
})
