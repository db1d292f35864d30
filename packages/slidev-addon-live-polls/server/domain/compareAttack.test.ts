import type { HandoutGroup } from '../../cli/comparedTable.ts'
import type { Comparison, Poll, PollResults } from '../../polls/types.ts'
import type { Figures, Labelled } from '../../test/deriveAnswers.ts'
import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { comparedTable } from '../../cli/comparedTable.ts'
import { moderationKey } from '../../polls/normalizeText.ts'
import { csvFigures, derive, figuresOf, inKnownAlone, publishedFigures, subsets } from '../../test/deriveAnswers.ts'
import { polls } from '../../test/fixturePolls.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'

// An attacker who knows every other group's own results (what its room saw, or read with its code) and sees every
// comparison of up to four groups, in every form it is published, tries to work out a small group's answers by
// subtraction. Groups of 3, 6, 10, 2 and 5 (MIN_GROUP_SIZE 5): A and D are withheld from every poll.
const SIZES = { A: 3, B: 6, C: 10, D: 2, E: 5 }
type Name = keyof typeof SIZES
const NAMES = Object.keys(SIZES) as Name[]
const WITHHELD: Name[] = ['A', 'D']
const POLLS = [
  'choice',
  'choices',
  'agreement',
  'ranking',
  'ideas',
]

let server: InProcessServer
const code = {} as Record<Name, string>
const auth = { 'authorization': `Bearer ${TOKEN}`, 'content-type': 'application/json' }
const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, { headers: auth, ...init })

/** Participant `j` of group number `g`'s answer: a pattern of its own per group, so no group's answers equal a sum of others'. */
function answer(poll: Poll, g: number, j: number): unknown {
  const options = 'options' in poll
    ? poll.options.map(o => o.id)
    : []
  const pick = (k: number): string => options[(k % options.length + options.length) % options.length]!
  switch (poll.kind) {
    case 'single':
      return pick(g * g + (j % (g + 2)) * (g + 1))
    case 'multiple':
      return options.filter((_, k) => (j * 7 + g * 3 + k * k) % 4 < 2 || k === (j + g) % options.length)
    case 'scale':
      return 1 + (j * j + g * 3 + (j % 2) * g) % 5
    case 'ranking': {
      const turned = options.map((_, k) => pick(k + j * (g + 1) + g))
      // Every other participant swaps the last two, so groups differ by more than a rotation.
      return j % 2
        ? [
            ...turned.slice(0, -2),
            turned.at(-1),
            turned.at(-2),
          ]
        : turned
    }
    case 'text':
      return [`Skills`, `Budgets ${g}`, `Secret of ${NAMES[g]}`][(j + g) % 3]
  }
}

beforeAll(async () => {
  server = await startInProcess({ minGroupSize: 5 })
  for (const [g, name] of NAMES.entries()) {
    code[name] = (await (await api('/api/sessions', { method: 'POST' })).json() as { code: string }).code
    // Straight into the service: the test is of what is published, not of the HTTP budget for votes.
    for (let j = 0; j < SIZES[name]; j++) {
      for (const id of POLLS)
        await server.polls.service.vote(code[name], id, `${name}-phone-${j}`, answer(polls.find(p => p.id === id)!, g, j))
    }
    // Each room has seen its own results.
    for (const id of POLLS)
      await server.polls.service.reveal(code[name], id)
  }
})
afterAll(() => server.close())

/** A group's own results: what its room saw on its slides (the public results, once revealed). */
async function own(name: Name, poll: string): Promise<Figures> {
  const res = await fetch(`${server.url}/api/polls/${poll}/results?session=${code[name]}`)
  return figuresOf(await res.json() as PollResults)
}

/** The handout's figures for a poll: its poll page's and appendix's table (comparedTable), read back from the cells. */
function handoutFigures(poll: Poll, comparison: Comparison): Figures[] {
  const compared = comparison.polls.find(p => p.id === poll.id)!
  const groups: HandoutGroup[] = comparison.sessions.map(label => ({ label, name: label, participants: 0 }))
  const table = comparedTable(poll, compared, groups, comparison.minGroupSize, 1000)
  const key = (label: string): string => 'options' in poll
    ? poll.options.find(o => o.label === label)!.id
    : label.split(' · ')[0]!
  return table.columns.flatMap(col => col.cells
    ? [
        Object.fromEntries(col.cells.flatMap((cell, r) => cell.text !== undefined
          ? [
              [
                moderationKey(cell.text),
                Number(cell.value),
              ],
            ]
          : / · /.test(cell.value)
            ? [
                [
                  key(table.rows[r]!.label),
                  Number.parseInt(cell.value),
                ],
              ]
            : [])),
      ]
    : [])
}

describe('a withheld group\'s answers, against an attacker who knows every other group\'s own results', () => {
  it('come out of no published figure, nor of any difference of them, in any comparison of up to four groups', async () => {
    const published = new Map<string, { all: Labelled[], combined: Labelled[] }>(POLLS.map(id => [
      id,
      { all: [], combined: [] },
    ]))
    for (const compared of subsets(NAMES, 4)) {
      const list = compared.map(name => code[name]).join(',')
      const what = compared.join('+')
      // The console's and the projector's data, the JSON export (the results CLI's and the handout's data too), the CSV.
      const views = {
        console: await (await api(`/api/compare?sessions=${list}&view=console`)).json() as Comparison,
        projector: await (await api(`/api/compare?sessions=${list}&view=projector`)).json() as Comparison,
        export: await (await api(`/api/compare?sessions=${list}&download`)).json() as Comparison,
      }
      const csv = await (await api(`/api/compare?sessions=${list}&format=csv`)).text()
      for (const id of POLLS) {
        const poll = polls.find(p => p.id === id)!
        const into = published.get(id)!
        for (const [view, comparison] of Object.entries(views)) {
          into.all.push(...publishedFigures(comparison, id).map(figures => ({ label: `${what} ${view}`, figures })))
          into.combined.push({
            label: `${what} combined, ${view}`,
            figures: figuresOf(comparison.polls.find(p => p.id === id)!.combined),
          })
        }
        into.all.push(...csvFigures(csv, poll).map(figures => ({ label: `${what} CSV`, figures })))
        into.all.push(...handoutFigures(poll, views.export).map(figures => ({ label: `${what} handout`, figures })))
      }
    }
    for (const target of WITHHELD) {
      for (const id of POLLS) {
        const secret = await own(target, id)
        const known = await Promise.all(NAMES.filter(n => n !== target).map(async n => ({ label: `${n}'s own`, figures: await own(n, id) })))
        // The test data give nothing away by themselves: the secret is no small sum of the others' own results.
        expect(inKnownAlone(secret, known.map(k => k.figures)), `${target} ${id}`).toBe(false)
        const { all, combined } = published.get(id)!
        expect(derive(secret, all, combined, known), `${target}'s answers to ${id}`).toBeNull()
      }
    }
  })
})
