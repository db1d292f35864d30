import type { InProcessServer } from '../../test/inProcessServer'
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { moderationKey } from '../../polls/normalizeText'
import { connect, startInProcess, TOKEN } from '../../test/inProcessServer'
import { tempDb } from '../../test/serverProcess'
import { onPostgres } from '../../test/testStore'
import { createSqliteStore } from '../stores/sqliteStore'

let server: InProcessServer
const auth = { authorization: `Bearer ${TOKEN}` }

// A fresh server and file for each test: none depends on what another left behind.
beforeEach(async () => {
  server = await startInProcess()
})
afterEach(() => server.close())

const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, init)
function vote(poll: string, participant: string, answer: unknown, session = '') {
  return api(`/api/polls/${poll}/votes${session
    ? `?session=${session}`
    : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ participant, answer }),
  })
}
async function results(poll: string, session = '') {
  return (await api(`/api/polls/${poll}/results${session
    ? `?session=${session}`
    : ''}`, { headers: auth })).json() as Promise<Record<string, any>>
}

async function newSession(): Promise<string> {
  return (await (await api('/api/sessions', { method: 'POST', headers: auth })).json() as { code: string }).code
}

/** Workshops a and b and the default session, with a phone in both workshops: three phones vote in a, two in b, one in the default. */
async function twoWorkshops(): Promise<{ a: string, b: string }> {
  const a = await newSession()
  const b = await newSession()
  await Promise.all([
    vote('choice', 'phone-in-a-1', 'formal', a),
    vote('choice', 'phone-in-a-2', 'formal', a),
    vote('choice', 'phone-in-b-1', 'no', b),
    vote('choice', 'phone-default', 'unsure'),
    // The same phone may take part in two workshops.
    vote('choice', 'phone-in-both', 'planned', a),
    vote('choice', 'phone-in-both', 'informal', b),
  ])
  return { a, b }
}

describe('workshop sessions', () => {
  it('need the presenter token', async () => {
    expect((await api('/api/sessions', { method: 'POST' })).status).toBe(401)
    expect((await api('/api/sessions')).status).toBe(401)
    expect((await api('/api/sessions/ABCDEF', { method: 'DELETE' })).status).toBe(401)
  })

  it('are created with short readable codes and listed', async () => {
    const res = await api('/api/sessions', { method: 'POST', headers: auth })
    expect(res.status).toBe(201)
    const a = (await res.json() as { code: string }).code
    const b = await newSession()
    expect(a).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    const list = await (await api('/api/sessions', { headers: auth })).json() as { code: string }[]
    expect(list.map(s => s.code)).toEqual(expect.arrayContaining([a, b]))
  })

  it('keep their results apart, and apart from the default session', async () => {
    const { a, b } = await twoWorkshops()
    expect(await results('choice', a)).toMatchObject({
      participants: 3,
      counts: {
        formal: 2,
        planned: 1,
        no: 0,
        informal: 0,
        unsure: 0,
      },
    })
    expect(await results('choice', b)).toMatchObject({
      participants: 2,
      counts: { no: 1, informal: 1, formal: 0 },
    })
    expect(await results('choice')).toMatchObject({
      participants: 1,
      counts: { unsure: 1 },
    })
    // Lower case works as typed; a code never made is refused.
    expect(await results('choice', a.toLowerCase())).toMatchObject({ participants: 3 })
    expect((await vote('choice', 'phone-lost-1', 'no', 'ZZZZZZ')).status).toBe(404)
  })

  it('have their own current poll and WebSocket stream', async () => {
    const { a, b } = await twoWorkshops()
    const phoneA = await connect(server.url, `/ws?session=${a}`)
    phoneA.send({ type: 'hello', participant: 'phone-in-a-1' })
    await phoneA.until('welcome')
    expect(await phoneA.next()).toMatchObject({ type: 'current', poll: null })
    await api(`/api/current?session=${b}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ poll: 'second-choice' }),
    })
    await api(`/api/current?session=${a}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ poll: 'choice' }),
    })
    expect(await phoneA.next()).toMatchObject({ type: 'current', poll: 'choice', answer: 'formal' })
    phoneA.close()

    const lost = await connect(server.url, '/ws?session=NOSUCH')
    const closed = new Promise<number>(resolve => lost.socket.once('close', code => resolve(code)))
    expect(await lost.next()).toEqual({ type: 'error', error: 'unknown session "NOSUCH"' })
    expect(await closed).toBe(4404)
  })

  it('export CSV and JSON with pseudonyms, a privacy header and no hidden answers', async () => {
    const { a } = await twoWorkshops()
    await vote('ideas', 'phone-in-a-1', 'Procurement rules', a)
    await vote('ideas', 'phone-in-a-2', 'Rude <b>words</b>', a)
    const hide = await api(`/api/polls/ideas/hide-answer?session=${a}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'rude <B>words</b>' }),
    })
    expect(await hide.json()).toEqual({ ok: true, hidden: 1 })
    expect(await results('ideas', a)).toMatchObject({
      participants: 1,
      entries: [
        { text: 'Procurement rules', count: 1 },
      ],
    })
    // Sending the hidden text again, or by someone else, does not bring it back.
    expect((await vote('ideas', 'phone-in-a-2', 'RUDE <b>words</b>', a)).status).toBe(200)
    expect((await vote('ideas', 'phone-in-a-3', 'rude <b>WORDS</b>', a)).status).toBe(200)
    expect(await results('ideas', a)).toMatchObject({
      participants: 1,
      entries: [
        { text: 'Procurement rules', count: 1 },
      ],
    })

    const csvRes = await api(`/api/sessions/${a}/export?format=csv`, { headers: auth })
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/)
    // Named after the deck (its `exportFilename`), not after any one talk.
    expect(csvRes.headers.get('content-disposition')).toBe(`attachment; filename="fixture-deck-results-${a}.csv"`)
    const csv = await csvRes.text()
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('session,poll,kind,participant,answer,time')
    expect(lines.filter(l => l.startsWith(`${a},choice,single,`))).toHaveLength(3)
    expect(csv).toContain('Procurement rules')
    expect(csv).not.toContain('Rude')
    expect(csv).not.toContain('phone-in-a-1')

    const json = await (await api(`/api/sessions/${a}/export?format=json`, { headers: auth })).json() as any
    expect(json.privacy).toMatch(/No personal data/)
    const choice = json.polls.find((p: any) => p.id === 'choice')
    expect(choice.results).toMatchObject({
      participants: 3,
      counts: { formal: 2, planned: 1 },
    })
    expect(choice.answers).toHaveLength(3)
    expect(JSON.stringify(json)).not.toContain('Rude')
    expect((await api(`/api/sessions/${a}/export?format=xml`, { headers: auth })).status).toBe(400)
  })

  it('deleting a session erases its answers from the database file itself', async () => {
    const { a, b } = await twoWorkshops()
    const marker = 'erase-me-marker-7f3a'
    expect((await vote('ideas', 'phone-in-b-1', marker, b)).status).toBe(200)
    // On SQLite, in the file's bytes; PostgreSQL's VACUUM after erasure is tested in store/store.test.ts.
    const db = server.polls.storage
    const onDisk = () => !onPostgres && [db, `${db}-wal`].filter(f => existsSync(f)).some(f => readFileSync(f).includes(marker))
    expect(onDisk()).toBe(!onPostgres)
    // A phone still connected to the session is told, and let go.
    const phone = await connect(server.url, `/ws?session=${b}`)
    phone.send({ type: 'hello', participant: 'phone-in-b-1' })
    await phone.until('current')
    const closed = new Promise<number>(resolve => phone.socket.once('close', code => resolve(code)))
    expect((await api(`/api/sessions/${b}`, { method: 'DELETE', headers: auth })).status).toBe(200)
    expect(await phone.until('error')).toEqual({ type: 'error', error: `unknown session "${b}"` })
    expect(await closed).toBe(4404)
    expect((await api(`/api/sessions/${b}`, { method: 'DELETE', headers: auth })).status).toBe(404)
    expect((await vote('choice', 'phone-in-b-9', 'no', b)).status).toBe(404)
    // Not only unlinked: the bytes are gone from the file and its write-ahead log.
    expect(onDisk()).toBe(false)
    // The other workshop is untouched.
    expect(await results('choice', a)).toMatchObject({ participants: 3 })
  })
})

describe('session codes in paths', () => {
  it('are taken in any case for export and delete, as everywhere else', async () => {
    const code = (await (await api('/api/sessions', { method: 'POST', headers: auth })).json() as { code: string }).code
    await api(`/api/polls/choice/votes?session=${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant: 'lower-case-phone', answer: 'no' }),
    })
    const csv = await api(`/api/sessions/${code.toLowerCase()}/export?format=csv`, { headers: auth })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain(`${code},choice`)
    expect((await api(`/api/sessions/%20${code.toLowerCase()}%20`, { method: 'DELETE', headers: auth })).status).toBe(200)
    expect((await api(`/api/sessions/${code}/export`, { headers: auth })).status).toBe(404)
  })
})

// What is left in the SQLite file's bytes; PostgreSQL's erasure is tested in store/store.test.ts.
describe.skipIf(onPostgres)('erasure of moderated texts', () => {
  // A hidden answer that carries personal data: the file keeps its text in the vote and its moderation key
  // (which folds "1" to "l", so the digits alone would not find it) in hidden_texts.
  const phone = 'Call me: +49 170 1234567'
  const traces = [
    phone,
    moderationKey(phone),
  ]
  function found(file: string, label: string): string[] {
    if (!existsSync(file))
      return []
    const bytes = readFileSync(file)
    return traces.filter(t => bytes.includes(t)).map(t => `${t} in the ${label}`)
  }
  const onDisk = (file: string) => [
    ...found(file, 'file'),
    ...found(`${file}-wal`, 'WAL'),
  ]

  async function withHiddenPhone(session: (service: InProcessServer['polls']['service']) => Promise<string>) {
    const file = tempDb()
    const running = await startInProcess({ dbPath: file })
    const { service } = running.polls
    const code = await session(service)
    await service.vote(code, 'ideas', 'phone-with-number', phone)
    expect(await service.hideText(code, 'ideas', phone)).toBe(1)
    // Sent again after the hide, it is stored hidden.
    await service.vote(code, 'ideas', 'phone-again-1234', phone)
    expect(onDisk(file)).toContain(`${traces[1]} in the WAL`)
    return {
      file,
      service,
      code,
      close: running.close,
    }
  }

  it('leaves none in the file after the session is deleted', async () => {
    const { file, service, code, close } = await withHiddenPhone(service => service.createSession())
    await service.deleteSession(code)
    expect(onDisk(file)).toEqual([])
    await close()
  })

  it('leaves none in the file after the poll is reset', async () => {
    const { file, service, code, close } = await withHiddenPhone(async () => '')
    await service.reset(code, 'ideas')
    expect(onDisk(file)).toEqual([])
    await close()
  })

  it('leaves none of the default session in the file after retention, and keeps newer moderation', async () => {
    const day = 86_400_000
    vi.useFakeTimers({
      toFake: ['Date'],
    })
    vi.setSystemTime(Date.now() - 40 * day)
    const { file, service, close } = await withHiddenPhone(async () => '')
    vi.useRealTimers()
    // Hidden within the period: it stays hidden after retention.
    await service.vote('', 'ideas', 'phone-recent-1', 'recent rude words')
    await service.hideText('', 'ideas', 'recent rude words')
    await service.applyRetention(Date.now() - 30 * day)
    expect(onDisk(file)).toEqual([])
    await service.vote('', 'ideas', 'phone-recent-2', 'RECENT rude words')
    expect(await service.results('', 'ideas')).toMatchObject({ participants: 0, entries: [] })
    await close()
  })

  it('dates texts moderated before times were kept by their poll\'s newest hidden answer, so retention finds them', async () => {
    const file = tempDb()
    await createSqliteStore(file).close()
    const old = new Database(file)
    old.exec(`DROP TABLE hidden_texts;
      CREATE TABLE hidden_texts (session TEXT NOT NULL, poll TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (session, poll, text));
      INSERT INTO hidden_texts VALUES ('', 'ideas', '${traces[1]}');
      INSERT INTO votes VALUES ('', 'ideas', 'phone-a', '${JSON.stringify(phone)}', 5000, 1);
      ALTER TABLE sessions DROP COLUMN name;
      PRAGMA user_version = 1;`)
    old.close()
    const store = createSqliteStore(file)
    expect(store.db.prepare('SELECT at FROM hidden_texts').pluck().all()).toEqual([5000])
    await store.deleteOlderThan(6000)
    expect(onDisk(file)).toEqual([])
    await store.close()
  })
})
