import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'
import { auth, castVotes } from './votes'

/**
 * Four workshop groups of a debrief: A (six people), B (five), C (two) and D (three). C and D are withheld from
 * every poll's numbers, and left out of "All groups", which counts A and B only.
 */
export interface Groups {
  a: string
  b: string
  c: string
  d: string
}

/** A new workshop session's code. */
export async function newSession(request: APIRequestContext): Promise<string> {
  const res = await request.post('/api/sessions', { headers: auth })
  expect(res.status()).toBe(201)
  return (await res.json() as { code: string }).code
}

/** Names a session through the API (the console's own naming is tested through its page). */
export async function nameSession(request: APIRequestContext, code: string, name: string | null): Promise<void> {
  const res = await request.patch(`/api/sessions/${code}`, {
    headers: auth,
    data: { name },
  })
  expect(res.status(), await res.text()).toBe(200)
}

const rankAB = [
  'resources',
  'regulation',
  'culture',
  'support',
  'outsourcing',
]

/**
 * Groups with known answers to every kind of the talk's polls (`has-ospo`, `challenges`, `challenges-rank`,
 * `what-else`, `twenty-years`); the other polls have no answers. Figures per group, and "All groups", which counts
 * A and B only (11 people) whichever of C and D are compared with them:
 * - has-ospo: A formal 3 (50%), informal 2 (33%), no 1 (17%); B formal 1 (20%), planned 4 (80%); C unsure 2;
 *   D informal 1, unsure 2; A and B: formal 4 (36%), informal 2 (18%), planned 4 (36%), no 1 (9%), unsure 0 (0%)
 * - challenges: A resources 3, culture 3, support 3 (50% each); B resources 5 (100%); C outsourcing 2;
 *   D regulation 3, outsourcing 3; A and B: resources 8 (73%), regulation 0 (0%), culture 3 (27%), support 3 (27%),
 *   outsourcing 0 (0%)
 * - challenges-rank: A resources first (24 pts), regulation 18, culture 12, support 6, outsourcing last (0); B the
 *   reverse (outsourcing 20 pts … resources 0); C culture first; D outsourcing, support, regulation, resources,
 *   culture; A and B: resources 24, regulation 23, culture 22, support 21, outsourcing 20
 * - what-else: A "Procurement rules" 4, "Legacy systems" 2; B "Skills" 5; C "Only two of us" 2; D "Three of us" 3;
 *   A and B: Skills 5, Procurement rules 4, Legacy systems 2
 * - twenty-years: A 4, 4, 5, 5, 5, 3 (mean 4.33); B 1, 2, 2, 2, 1 (mean 1.6); C 3, 3; D 2, 5, 5; A and B: points
 *   1–5 answered by 2 (18%), 3 (27%), 1 (9%), 2 (18%), 3 (27%), mean 3.09
 */
export async function debriefGroups(request: APIRequestContext): Promise<Groups> {
  const groups = {
    a: await newSession(request),
    b: await newSession(request),
    c: await newSession(request),
    d: await newSession(request),
  }
  const votes = async (code: string, poll: string, answers: unknown[]): Promise<void> =>
    castVotes(request, poll, answers, code, code)
  await votes(groups.a, 'has-ospo', [
    'formal',
    'formal',
    'formal',
    'informal',
    'informal',
    'no',
  ])
  await votes(groups.b, 'has-ospo', [
    'formal',
    'planned',
    'planned',
    'planned',
    'planned',
  ])
  await votes(groups.c, 'has-ospo', ['unsure', 'unsure'])
  await votes(groups.d, 'has-ospo', [
    'informal',
    'unsure',
    'unsure',
  ])
  await votes(groups.a, 'challenges', [
    ...Array.from({ length: 3 }, () => ['resources', 'culture']),
    ...Array.from({ length: 3 }, () => ['support']),
  ])
  await votes(groups.b, 'challenges', Array.from({ length: 5 }, () => ['resources']))
  await votes(groups.c, 'challenges', [
    ['outsourcing'],
    ['outsourcing'],
  ])
  await votes(groups.d, 'challenges', Array.from({ length: 3 }, () => ['regulation', 'outsourcing']))
  await votes(groups.a, 'challenges-rank', Array.from({ length: 6 }).fill(rankAB))
  await votes(groups.b, 'challenges-rank', Array.from({ length: 5 }, () => [...rankAB].reverse()))
  await votes(groups.c, 'challenges-rank', Array.from({ length: 2 }, () => [
    'culture',
    'support',
    'regulation',
    'resources',
    'outsourcing',
  ]))
  await votes(groups.d, 'challenges-rank', Array.from({ length: 3 }, () => [
    'outsourcing',
    'support',
    'regulation',
    'resources',
    'culture',
  ]))
  await votes(groups.a, 'what-else', [
    'Procurement rules',
    'Procurement rules',
    'Procurement rules',
    'Procurement rules',
    'Legacy systems',
    'Legacy systems',
  ])
  await votes(groups.b, 'what-else', Array.from({ length: 5 }).fill('Skills'))
  await votes(groups.c, 'what-else', ['Only two of us', 'Only two of us'])
  await votes(groups.d, 'what-else', Array.from({ length: 3 }).fill('Three of us'))
  await votes(groups.a, 'twenty-years', [4, 4, 5, 5, 5, 3])
  await votes(groups.b, 'twenty-years', [1, 2, 2, 2, 1])
  await votes(groups.c, 'twenty-years', [3, 3])
  await votes(groups.d, 'twenty-years', [2, 5, 5])
  return groups
}
