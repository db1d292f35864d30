import type { Comparison, Poll, PollResults } from '../polls/types.ts'
import { moderationKey } from '../polls/normalizeText.ts'

/** A group's answers to one poll as figures: per option (point, ranked option, text as moderation groups it) a number. */
export type Figures = Record<string, number>

/** The figures a poll's results give: counts (choice, scale), Borda points (ranking), each text's count. */
export function figuresOf(results: PollResults): Figures {
  switch (results.kind) {
    case 'single':
    case 'multiple':
    case 'scale':
      return { ...results.counts }
    case 'ranking':
      return { ...results.scores }
    case 'text':
      return Object.fromEntries(results.entries.map(e => [
        moderationKey(e.text),
        e.count,
      ]))
  }
}

/** Every group's and every combined column's figures for one poll in a comparison (API JSON, either view, or an export). */
export function publishedFigures(comparison: Comparison, poll: string): Figures[] {
  const compared = comparison.polls.find(p => p.id === poll)
  if (!compared)
    return []
  return [
    ...Object.values(compared.bySession).flatMap(r => 'withheld' in r || 'hidden' in r
      ? []
      : [
          figuresOf(r),
        ]),
    figuresOf(compared.combined),
  ]
}

/** One CSV line's cells (quoted cells as the exports write them). */
function cells(line: string): string[] {
  const out: string[] = []
  const cell = /("(?:[^"]|"")*"|[^,]*)(?:,|$)/g
  for (const m of line.matchAll(cell)) {
    if (m.index === line.length && out.length)
      break
    out.push(m[1]!.startsWith('"')
      ? m[1]!.slice(1, -1).replace(/""/g, '"')
      : m[1]!)
  }
  return out
}

/** A comparison CSV's rows for one poll, counted per session as figures (ranking: Borda points from each order). */
export function csvFigures(csv: string, poll: Poll): Figures[] {
  const bySession = new Map<string, Figures>()
  for (const line of csv.trim().split('\n').slice(1)) {
    const [session, id, , , answer] = cells(line)
    if (id !== poll.id)
      continue
    const figures = bySession.get(session!) ?? {}
    bySession.set(session!, figures)
    const add = (key: string, n = 1): void => {
      figures[key] = (figures[key] ?? 0) + n
    }
    if (poll.kind === 'multiple')
      answer!.split('; ').forEach(o => add(o))
    else if (poll.kind === 'ranking')
      answer!.split(' > ').forEach((o, i, order) => add(o, order.length - 1 - i))
    else if (poll.kind === 'text')
      add(moderationKey(answer!))
    else add(answer!)
  }
  return [
    ...bySession.values(),
  ]
}

/** A figure as the attacker holds it: what it is ("GRPA22+GRPB33 combined, console"), and its numbers. */
export interface Labelled {
  label: string
  figures: Figures
}

function plus(a: Figures, b: Figures, sign: number): Figures {
  const out = { ...a }
  for (const [key, n] of Object.entries(b)) out[key] = (out[key] ?? 0) + sign * n
  return out
}
function same(a: Figures, b: Figures): boolean {
  return [
    ...new Set([
      ...Object.keys(a),
      ...Object.keys(b),
    ]),
  ].every(key => (a[key] ?? 0) === (b[key] ?? 0))
}

/** One of each set of equal figures (the same column seen in several views): the first label kept. */
function distinct(figures: Labelled[]): Labelled[] {
  const seen = new Map<string, Labelled>()
  for (const f of figures) {
    const key = JSON.stringify(Object.entries(f.figures).filter(([, n]) => n !== 0).sort(([a], [b]) => a < b
      ? -1
      : 1))
    if (!seen.has(key))
      seen.set(key, f)
  }
  return [
    ...seen.values(),
  ]
}

/**
 * The attacker's subtractions: every published figure, and every difference of two combined columns (two
 * comparisons one after another), minus every choice of the other groups' own results. The first that gives
 * `target` (a withheld group's answers), described, or null where none does.
 */
export function derive(target: Figures, published: Labelled[], combined: Labelled[], known: Labelled[]): string | null {
  const differences = distinct(combined).flatMap((a, _, all) => all.filter(b => b !== a).map(b => ({
    label: `(${a.label}) − (${b.label})`,
    figures: plus(a.figures, b.figures, -1),
  })))
  for (const from of distinct([
    ...published,
    ...differences,
  ])) {
    for (const minus of subsets(known, known.length)) {
      const left = minus.reduce((f, k) => plus(f, k.figures, -1), from.figures)
      if (same(left, target))
        return `${from.label} − ${minus.map(k => k.label).join(' − ')}`
    }
    if (same(from.figures, target))
      return from.label
  }
  return null
}

/** Whether `target` is a sum of the known figures with coefficients from −2 to 2: then `derive` would find it by chance. */
export function inKnownAlone(target: Figures, known: Figures[]): boolean {
  const sums = known.reduce<Figures[]>((all, k) => all.flatMap(f => [-2, -1, 0, 1, 2].map(c => plus(f, k, c))), [{}])
  return sums.some(f => same(f, target))
}

/** Every subset of `items` with 1 to `max` members, in order. */
export function subsets<T>(items: T[], max: number): T[][] {
  const all: T[][] = [[]]
  for (const item of items)
    all.push(...all.filter(s => s.length < max).map(s => [...s, item]))
  return all.filter(s => s.length > 0)
}
