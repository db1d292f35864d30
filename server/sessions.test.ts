import type { InProcessServer } from '../tests/inProcessServer'
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startInProcess, TOKEN } from '../tests/inProcessServer'
import { tempDb } from '../tests/serverProcess'
import { createStore } from './store'

const db = tempDb()
let server: InProcessServer
const auth = { authorization: `Bearer ${TOKEN}` }

beforeAll(async () => {
  server = await startInProcess(db)
})
afterAll(() => server.close())

const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, init)
function vote(poll: string, participant: string, answer: unknown, session = '') {
  return api(`/api/polls/${poll}/votes${session ? `?session=${session}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ participant, answer }) })
}
async function results(poll: string, session = '') {
  return (await api(`/api/polls/${poll}/results${session ? `?session=${session}` : ''}`, { headers: auth })).json() as Promise<Record<string, any>>
}

describe('workshop sessions', () => {
  let a: string
  let b: string

  it('need the presenter token', async () => {
    expect((await api('/api/sessions', { method: 'POST' })).status).toBe(401)
    expect((await api('/api/sessions')).status).toBe(401)
    expect((await api('/api/sessions/ABCDEF', { method: 'DELETE' })).status).toBe(401)
  })

  it('are created with short readable codes and listed', async () => {
    const res = await api('/api/sessions', { method: 'POST', headers: auth })
    expect(res.status).toBe(201)
    a = (await res.json() as { code: string }).code
    b = (await (await api('/api/sessions', { method: 'POST', headers: auth })).json() as { code: string }).code
    expect(a).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    const list = await (await api('/api/sessions', { headers: auth })).json() as { code: string }[]
    expect(list.map(s => s.code)).toEqual(expect.arrayContaining([a, b]))
  })

  it('keep their results apart, and apart from the default session', async () => {
    await Promise.all([
      vote('has-ospo', 'phone-in-a-1', 'formal', a),
      vote('has-ospo', 'phone-in-a-2', 'formal', a),
      vote('has-ospo', 'phone-in-b-1', 'no', b),
      vote('has-ospo', 'phone-default', 'unsure'),
      // The same phone may take part in two workshops.
      vote('has-ospo', 'phone-in-both', 'planned', a),
      vote('has-ospo', 'phone-in-both', 'informal', b),
    ])
    expect(await results('has-ospo', a)).toMatchObject({ participants: 3, counts: { formal: 2, planned: 1, no: 0, informal: 0, unsure: 0 } })
    expect(await results('has-ospo', b)).toMatchObject({ participants: 2, counts: { no: 1, informal: 1, formal: 0 } })
    expect(await results('has-ospo')).toMatchObject({ participants: 1, counts: { unsure: 1 } })
    // Lower case works as typed; a code never made is refused.
    expect(await results('has-ospo', a.toLowerCase())).toMatchObject({ participants: 3 })
    expect((await vote('has-ospo', 'phone-lost-1', 'no', 'ZZZZZZ')).status).toBe(404)
  })

  it('have their own current poll and WebSocket stream', async () => {
    const phoneA = await connect(server.url, `/ws?session=${a}`)
    phoneA.send({ type: 'hello', participant: 'phone-in-a-1' })
    await phoneA.until('welcome')
    expect(await phoneA.next()).toMatchObject({ type: 'current', poll: null })
    await api(`/api/current?session=${b}`, { method: 'POST', headers: auth, body: JSON.stringify({ poll: 'maturity' }) })
    await api(`/api/current?session=${a}`, { method: 'POST', headers: auth, body: JSON.stringify({ poll: 'has-ospo' }) })
    expect(await phoneA.next()).toMatchObject({ type: 'current', poll: 'has-ospo', answer: 'formal' })
    phoneA.close()

    const lost = await connect(server.url, '/ws?session=NOSUCH')
    const closed = new Promise<number>(resolve => lost.socket.once('close', code => resolve(code)))
    expect(await lost.next()).toEqual({ type: 'error', error: 'unknown session "NOSUCH"' })
    expect(await closed).toBe(4404)
  })

  it('export CSV and JSON with pseudonyms, a privacy header and no hidden answers', async () => {
    await vote('what-else', 'phone-in-a-1', 'Procurement rules', a)
    await vote('what-else', 'phone-in-a-2', 'Rude <b>words</b>', a)
    const hide = await api(`/api/polls/what-else/hide-answer?session=${a}`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'rude <B>words</b>' }) })
    expect(await hide.json()).toEqual({ ok: true, hidden: 1 })
    expect(await results('what-else', a)).toMatchObject({ participants: 1, entries: [{ text: 'Procurement rules', count: 1 }] })
    // Sending the hidden text again, or by someone else, does not bring it back.
    expect((await vote('what-else', 'phone-in-a-2', 'RUDE <b>words</b>', a)).status).toBe(200)
    expect((await vote('what-else', 'phone-in-a-3', 'rude <b>WORDS</b>', a)).status).toBe(200)
    expect(await results('what-else', a)).toMatchObject({ participants: 1, entries: [{ text: 'Procurement rules', count: 1 }] })

    const csvRes = await api(`/api/sessions/${a}/export?format=csv`, { headers: auth })
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/)
    const csv = await csvRes.text()
    const lines = csv.trim().split('\n')
    expect(lines[0]).toMatch(/^# No personal data is collected/)
    expect(lines[1]).toBe('session,poll,kind,participant,answer,time')
    expect(lines.filter(l => l.startsWith(`${a},has-ospo,single,`))).toHaveLength(3)
    expect(csv).toContain('Procurement rules')
    expect(csv).not.toContain('Rude')
    expect(csv).not.toContain('phone-in-a-1')

    const json = await (await api(`/api/sessions/${a}/export?format=json`, { headers: auth })).json() as any
    expect(json.privacy).toMatch(/No personal data/)
    const hasOspo = json.polls.find((p: any) => p.id === 'has-ospo')
    expect(hasOspo.results).toMatchObject({ participants: 3, counts: { formal: 2, planned: 1 } })
    expect(hasOspo.answers).toHaveLength(3)
    expect(JSON.stringify(json)).not.toContain('Rude')
    expect((await api(`/api/sessions/${a}/export?format=xml`, { headers: auth })).status).toBe(400)
  })

  it('deleting a session erases its answers from the database file itself', async () => {
    const marker = 'erase-me-marker-7f3a'
    expect((await vote('what-else', 'phone-in-b-1', marker, b)).status).toBe(200)
    const onDisk = () => [db, `${db}-wal`].filter(f => existsSync(f)).some(f => readFileSync(f).includes(marker))
    expect(onDisk()).toBe(true)
    // A phone still connected to the session is told, and let go.
    const phone = await connect(server.url, `/ws?session=${b}`)
    phone.send({ type: 'hello', participant: 'phone-in-b-1' })
    await phone.until('current')
    const closed = new Promise<number>(resolve => phone.socket.once('close', code => resolve(code)))
    expect((await api(`/api/sessions/${b}`, { method: 'DELETE', headers: auth })).status).toBe(200)
    expect(await phone.until('error')).toEqual({ type: 'error', error: `unknown session "${b}"` })
    expect(await closed).toBe(4404)
    expect((await api(`/api/sessions/${b}`, { method: 'DELETE', headers: auth })).status).toBe(404)
    expect((await vote('has-ospo', 'phone-in-b-9', 'no', b)).status).toBe(404)
    // Not only unlinked: the bytes are gone from the file and its write-ahead log.
    expect(onDisk()).toBe(false)
    // The other workshop is untouched.
    expect(await results('has-ospo', a)).toMatchObject({ participants: 3 })
  })

  it('retention erases sessions older than the period', () => {
    const store = createStore(tempDb())
    store.createSession('OLDONE', Date.now() - 40 * 86_400_000)
    store.createSession('NEWONE', Date.now())
    store.saveVotes([{ session: 'OLDONE', poll: 'has-ospo', participant: 'p-old-123', answer: 'no', at: Date.now() }])
    expect(store.deleteOlderThan(Date.now() - 30 * 86_400_000)).toEqual(['OLDONE'])
    expect(store.sessions().map(s => s.code)).toEqual(['NEWONE'])
    expect(store.rows('OLDONE')).toEqual([])
    store.close()
  })
})

describe('session codes in paths', () => {
  it('are taken in any case for export and delete, as everywhere else', async () => {
    const code = (await (await api('/api/sessions', { method: 'POST', headers: auth })).json() as { code: string }).code
    await api(`/api/polls/has-ospo/votes?session=${code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ participant: 'lower-case-phone', answer: 'no' }) })
    const csv = await api(`/api/sessions/${code.toLowerCase()}/export?format=csv`, { headers: auth })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain(`${code},has-ospo`)
    expect((await api(`/api/sessions/%20${code.toLowerCase()}%20`, { method: 'DELETE', headers: auth })).status).toBe(200)
    expect((await api(`/api/sessions/${code}/export`, { headers: auth })).status).toBe(404)
  })
})
