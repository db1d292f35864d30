import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { moderationKey } from '../../polls/normalizeText.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'
import { tempDb } from '../../test/serverProcess.ts'
import { onPostgres } from '../../test/testStore.ts'
import { createSqliteStore } from '../stores/sqliteStore.ts'

const auth = { authorization: `Bearer ${TOKEN}` }
let server: InProcessServer | undefined
afterEach(() => server?.close())

async function start() {
  server = await startInProcess()
  const url = server.url
  return {
    vote: (participant: string, answer: string) => fetch(`${url}/api/polls/ideas/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant, answer }),
    }),
    hide: async (text: string) => (await fetch(`${url}/api/polls/ideas/hide-answer`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text }),
    })).json(),
    unhide: async (text: string) => (await fetch(`${url}/api/polls/ideas/unhide-answer`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text }),
    })).json(),
    hidden: async () => (await fetch(`${url}/api/polls/ideas/hidden-answers`, { headers: auth })).json(),
    entries: async () => ((await (await fetch(`${url}/api/polls/ideas/results`, { headers: auth })).json()) as { entries: { text: string, count: number }[] }).entries,
  }
}

describe('moderation of open text', () => {
  it('lists the hidden texts, and an undo brings their answers back and lets them be sent again', async () => {
    const { vote, hide, unhide, hidden, entries } = await start()
    await vote('participant-ok-1', 'Procurement rules')
    await vote('participant-oops-1', 'Lack of mandate')
    await vote('participant-oops-2', 'LACK of mandate')
    expect(await hide('lack of mandate')).toEqual({ ok: true, hidden: 2 })
    expect(await hidden()).toEqual([
      { text: 'LACK of mandate', count: 2 },
    ])
    expect(await entries()).toEqual([
      { text: 'Procurement rules', count: 1 },
    ])

    // Undone from the text the console lists: same moderation key.
    expect(await unhide('LACK of mandate')).toEqual({ ok: true, shown: 2 })
    expect(await hidden()).toEqual([])
    expect((await entries()).map(e => e.count).sort()).toEqual([1, 2])
    await vote('participant-oops-3', 'lack of mandate')
    expect((await entries()).find(e => e.text !== 'Procurement rules')?.count).toBe(3)
    expect((await fetch(`${server!.url}/api/polls/ideas/hidden-answers`)).status).toBe(401)
  })

  it('keeps a hidden text hidden however it is disguised when sent again', async () => {
    const { vote, hide, entries } = await start()
    await vote('participant-ok-1', 'Procurement rules')
    await vote('participant-rude-1', 'rude words')
    expect(await hide('rude words')).toEqual({ ok: true, hidden: 1 })
    const disguises = [
      'rude \u200Bwords', // zero-width space
      'rude wo\u2060rds', // word joiner
      'rude w\u200Dords', // zero-width joiner
      '\u202Erude words', // bidi override
      'rud\u00ADe words', // soft hyphen
      'rudе words', // Cyrillic е
      'rude wоrds', // Cyrillic о
      'ruԁe worԁs', // Cyrillic ԁ
      'RUDE WORDS', // case
      'ｒｕｄｅ　ｗｏｒｄｓ', // full width letters and space
      '  rude \t\n words ', // whitespace
    ]
    for (const [i, text] of disguises.entries())
      expect((await vote(`participant-disguise-${i}`, text)).status, JSON.stringify(text)).toBe(200)
    expect(await entries()).toEqual([
      { text: 'Procurement rules', count: 1 },
    ])
  })

  it('hides every disguise already sent, and groups them as one text', async () => {
    const { vote, hide, entries } = await start()
    await vote('participant-a-1', 'OSPO')
    await vote('participant-a-2', 'ospo\u200B')
    await vote('participant-a-3', 'ОSРО') // Cyrillic О and Р
    await vote('participant-a-4', 'Budget')
    expect(await entries()).toEqual([
      { text: 'OSPO', count: 3 },
      { text: 'Budget', count: 1 },
    ])
    expect(await hide('ospo')).toEqual({ ok: true, hidden: 3 })
    expect(await entries()).toEqual([
      { text: 'Budget', count: 1 },
    ])
  })

  it('stores the answer normalised, invisible characters gone', async () => {
    const { vote, entries } = await start()
    const res = await vote('participant-n-1', ' Ｏpen\u200B  source\u2060 ')
    expect(await res.json()).toMatchObject({ ok: true, answer: 'Open source' })
    expect(await entries()).toEqual([
      { text: 'Open source', count: 1 },
    ])
  })

  it.skipIf(onPostgres)('keeps texts hidden in a SQLite file written before moderation keys (lower-cased text)', async () => {
    const db = tempDb()
    const old = createSqliteStore(db)
    old.db.prepare('INSERT INTO hidden_texts (session, poll, text) VALUES (?, ?, ?)').run('', 'ideas', 'summit spam 1')
    await old.close()
    const store = createSqliteStore(db)
    expect(store.db.prepare('SELECT text FROM hidden_texts').pluck().all()).toEqual([
      moderationKey('SUMMIT SPAM 1'),
    ])
    await store.close()
  })
})
