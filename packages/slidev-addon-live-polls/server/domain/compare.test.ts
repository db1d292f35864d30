import type { Comparison, PollResults } from '../../polls/types.ts'
import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { derive, figuresOf, publishedFigures } from '../../test/deriveAnswers.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'

let server: InProcessServer
beforeEach(async () => {
  server = await startInProcess()
})
afterEach(() => server.close())

const auth = { 'authorization': `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, { headers: auth, ...init })
const newSession = async () => (await (await api('/api/sessions', { method: 'POST' })).json() as { code: string }).code
async function vote(session: string, poll: string, participant: string, answer: unknown): Promise<void> {
  const res = await api(`/api/polls/${poll}/votes${session
    ? `?session=${session}`
    : ''}`, {
    method: 'POST',
    body: JSON.stringify({ participant, answer }),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** Group A: six people answering every kind; group B: five on some polls, three on the scale. */
async function twoGroups() {
  const a = await newSession()
  const b = await newSession()
  for (let i = 0; i < 6; i++) {
    const p = `group-a-phone-${i}`
    await vote(a, 'choice', p, i < 4
      ? 'formal'
      : 'no')
    await vote(a, 'choices', p, i < 3
      ? ['resources', 'culture']
      : ['support'])
    await vote(a, 'agreement', p, i < 2
      ? 5
      : 3)
    await vote(a, 'ranking', p, [
      'support',
      'resources',
      'regulation',
      'culture',
      'outsourcing',
    ])
    await vote(a, 'ideas', p, i < 5
      ? 'Skills'
      : 'Rude words')
  }
  for (let i = 0; i < 5; i++) {
    const p = `group-b-phone-${i}`
    await vote(b, 'choice', p, 'planned')
    await vote(b, 'choices', p, ['regulation'])
    await vote(b, 'ranking', p, [
      'culture',
      'support',
      'resources',
      'regulation',
      'outsourcing',
    ])
    await vote(b, 'ideas', p, i < 2
      ? 'skills'
      : 'Budgets')
    if (i < 3)
      await vote(b, 'agreement', p, 1)
  }
  // Moderation applies in comparisons as everywhere.
  await api(`/api/polls/ideas/hide-answer?session=${a}`, {
    method: 'POST',
    body: JSON.stringify({ text: 'rude words' }),
  })
  return { a, b }
}

async function compare(sessions: string, query = '&view=console') {
  const res = await api(`/api/compare?sessions=${sessions}${query}`)
  return { status: res.status, body: await res.json() as Comparison & { error?: string } }
}

describe('gET /api/compare', () => {
  it('puts two groups side by side for every kind, with the combined result; a small group is withheld, its answers in no figure', async () => {
    const { a, b } = await twoGroups()
    expect((await api(`/api/sessions/${a}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: '  Group 1 — municipalities ' }),
    })).status).toBe(200)
    const { status, body } = await compare(`${a},${b.toLowerCase()}`)
    expect(status).toBe(200)
    expect(body.sessions).toEqual([a, b])
    expect(body.names).toEqual({ [a]: 'Group 1 — municipalities', [b]: null })
    expect(body.minGroupSize).toBe(5)
    const poll = (id: string) => body.polls.find(p => p.id === id)!

    expect(poll('choice')).toMatchObject({
      kind: 'single',
      question: expect.any(String),
      bySession: {
        [a]: {
          participants: 6,
          counts: { formal: 4, no: 2, planned: 0 },
        },
        [b]: {
          participants: 5,
          counts: { planned: 5, formal: 0 },
        },
      },
      combined: {
        participants: 11,
        counts: { formal: 4, no: 2, planned: 5 },
      },
    })
    expect(poll('choices')).toMatchObject({
      bySession: {
        [a]: {
          counts: { resources: 3, culture: 3, support: 3 },
        },
        [b]: {
          counts: { regulation: 5 },
        },
      },
      combined: {
        participants: 11,
        counts: {
          resources: 3,
          culture: 3,
          support: 3,
          regulation: 5,
        },
      },
    })
    // Borda points: first of five gets 4.
    expect(poll('ranking')).toMatchObject({
      bySession: {
        [a]: {
          scores: { support: 24, resources: 18 },
          order: [
            'support',
            'resources',
            'regulation',
            'culture',
            'outsourcing',
          ],
        },
      },
      combined: {
        scores: { support: 24 + 15, culture: 6 + 20 },
      },
    })
    // Group A's hidden text is gone from its own column and from the combined one; spellings group together.
    expect(poll('ideas')).toMatchObject({
      bySession: {
        [a]: {
          participants: 5,
          entries: [
            { text: 'Skills', count: 5 },
          ],
        },
        [b]: {
          participants: 5,
          entries: [
            { text: 'Budgets', count: 3 },
            { text: 'skills', count: 2 },
          ],
        },
      },
      combined: {
        participants: 10,
        entries: [
          { text: 'Skills', count: 7 },
          { text: 'Budgets', count: 3 },
        ],
      },
    })
    // Three answered the scale in group B: fewer than five, so withheld, and left out of the combined: (10 + 12) / 6.
    // The console alone is told how many answered there.
    expect(poll('agreement')).toEqual({
      id: 'agreement',
      kind: 'scale',
      question: expect.any(String),
      bySession: {
        [a]: expect.objectContaining({
          participants: 6,
          counts: expect.objectContaining({ 5: 2, 3: 4 }),
        }),
        [b]: {
          id: 'agreement',
          kind: 'scale',
          withheld: true,
          fewerThan: 5,
          answered: 3,
        },
      },
      combined: expect.objectContaining({ participants: 6, mean: 3.67 }),
    })
    // The projector's view and the export say only "fewer than 5".
    for (const query of ['&view=projector', '&download']) {
      const other = (await compare(`${a},${b}`, query)).body.polls.find(p => p.id === 'agreement')!
      expect(other.bySession[b], query).toEqual({
        id: 'agreement',
        kind: 'scale',
        withheld: true,
        fewerThan: 5,
      })
    }
    expect((await compare(`${a},${b}`, '&view=everything')).status).toBe(400)
  })

  it('on the projector, gives a group\'s results only where revealed in its session, says where hidden, and leaves hidden answers out of the combined', async () => {
    const a = await newSession()
    const b = await newSession()
    for (let i = 0; i < 6; i++) {
      await vote(a, 'choice', `a-phone-${i}`, i < 5
        ? 'formal'
        : 'no')
      await vote(a, 'ideas', `a-phone-${i}`, `Secret plan ${i}`)
      await vote(b, 'choice', `b-phone-${i}`, 'planned')
      await vote(b, 'ideas', `b-phone-${i}`, 'Skills')
    }
    // The open-text poll starts hidden in both rooms; B's is revealed. A's choice is hidden by its presenter.
    await api(`/api/polls/ideas/reveal?session=${b}`, { method: 'POST' })
    await api(`/api/polls/choice/hide?session=${a}`, { method: 'POST' })
    const projector = (await compare(`${a},${b}`, '&view=projector')).body
    const alone = (await compare(a, '&view=projector')).body
    // The room knows what it has seen: B's results. Nothing it is shown, nor any difference, gives A's.
    for (const id of ['choice', 'ideas']) {
      const secret = figuresOf(await (await api(`/api/polls/${id}/results?session=${a}`)).json() as PollResults)
      const seen = figuresOf(await (await fetch(`${server.url}/api/polls/${id}/results?session=${b}`)).json() as PollResults)
      const shown = [projector, alone].flatMap(c => publishedFigures(c, id).map(figures => ({ label: 'projector', figures })))
      const combined = [projector, alone].map(c => ({
        label: 'combined',
        figures: figuresOf(c.polls.find(p => p.id === id)!.combined),
      }))
      expect(derive(secret, shown, combined, [
        { label: 'B', figures: seen },
      ]), id).toBeNull()
      // Each hidden group says so, with how many answered, as a session's own slide does.
      expect(projector.polls.find(p => p.id === id)!.bySession[a]).toMatchObject({ hidden: true, participants: 6 })
    }
    expect(JSON.stringify(projector)).not.toMatch(/secret plan/i)
    expect(projector.polls.find(p => p.id === 'choice')!.combined).toMatchObject({
      participants: 6,
      counts: { planned: 6, formal: 0 },
    })
    // The presenter's console sees every group's results, hidden ones too, as it does for one session.
    const console = (await compare(`${a},${b}`)).body.polls.find(p => p.id === 'choice')!
    expect(console.bySession[a]).toMatchObject({
      revealed: false,
      counts: { formal: 5, no: 1 },
    })
    expect(console.combined).toMatchObject({
      participants: 12,
      counts: { formal: 5, no: 1, planned: 6 },
    })
  })

  it('takes the default session as `default`, and a lower threshold from MIN_GROUP_SIZE', async () => {
    await server.close()
    server = await startInProcess({ minGroupSize: 2 })
    const a = await newSession()
    await vote('', 'choice', 'default-phone-1', 'formal')
    await vote('', 'choice', 'default-phone-2', 'formal')
    const b = await newSession()
    await vote(a, 'choice', 'workshop-phone-1', 'no')
    await vote(b, 'choice', 'workshop-phone-2', 'no')
    const { body } = await compare(`default,${a},${b}`)
    expect(body.sessions).toEqual(['default', a, b])
    const choice = body.polls.find(p => p.id === 'choice')!
    expect(choice.bySession.default).toMatchObject({
      participants: 2,
      counts: { formal: 2 },
    })
    // One each: withheld, and left out of the combined, which counts the default session's two only.
    expect(choice.bySession[a]).toEqual({
      id: 'choice',
      kind: 'single',
      withheld: true,
      fewerThan: 2,
      answered: 1,
    })
    expect(choice.bySession[b]).toEqual({
      id: 'choice',
      kind: 'single',
      withheld: true,
      fewerThan: 2,
      answered: 1,
    })
    expect(choice.combined).toMatchObject({
      participants: 2,
      counts: { formal: 2, no: 0 },
    })
  })

  it('names every unknown code in one 404, and refuses what is not a list of codes', async () => {
    const a = await newSession()
    expect(await compare(`${a},NOPE22,ZZZ999`)).toEqual({
      status: 404,
      body: { error: 'unknown sessions: NOPE22, ZZZ999' },
    })
    expect(await compare('NOPE22')).toEqual({
      status: 404,
      body: { error: 'unknown session: NOPE22' },
    })
    expect((await compare('')).status).toBe(400)
    expect((await compare('%25,a')).status).toBe(404)
    expect((await compare(Array.from({ length: 9 }, (_, i) => `S${i}`).join(','))).status).toBe(400)
    expect((await fetch(`${server.url}/api/compare?sessions=${a}`)).status).toBe(401)
  })

  it('exports the comparison as CSV (a row per answer with its session, withheld groups left out) and as JSON', async () => {
    const { a, b } = await twoGroups()
    const csv = await (await api(`/api/compare?sessions=${a},${b}&format=csv`)).text()
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('session,poll,kind,participant,answer,time')
    const count = (session: string, poll: string) => lines.filter(l => l.startsWith(`${session},${poll},`)).length
    expect(count(a, 'choice')).toBe(6)
    expect(count(b, 'choice')).toBe(5)
    // B has three answers to the scale: withheld, none in the file; A's six are.
    expect(count(a, 'agreement')).toBe(6)
    expect(count(b, 'agreement')).toBe(0)
    expect(csv).not.toContain('Rude words')
    const json = await api(`/api/compare?sessions=${a},${b}&download`)
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename=".*-comparison-.*\.json"/)
  })

  it('names and unnames workshop sessions; the default session has no name', async () => {
    const a = await newSession()
    const rename = (code: string, body: unknown) => api(`/api/sessions/${code}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    })
    expect((await rename(a, { name: 'Regions' })).status).toBe(200)
    expect((await (await api('/api/sessions')).json() as { name: string }[])[0]!.name).toBe('Regions')
    expect((await rename(a, { name: '   ' })).status).toBe(200)
    expect((await (await api('/api/sessions')).json() as { name: string | null }[])[0]!.name).toBeNull()
    expect((await rename(a, {
      name: 'x'.repeat(61),
    })).status).toBe(400)
    expect((await rename('default', { name: 'Plenary' })).status).toBe(400)
    expect((await rename('NOPE22', { name: 'x' })).status).toBe(404)
  })
})
