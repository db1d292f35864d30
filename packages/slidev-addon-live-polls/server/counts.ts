import type SortedBTree from 'sorted-btree'
import type { Answer, Poll, PollResults } from '../polls/types.ts'
import type { TextGroup } from './results.ts'
import { createRequire } from 'node:module'
import { scalePoints } from '../polls/scalePoints.ts'
import { compareGroups, createTextKeys, rankingOrder, shownSpelling } from './results.ts'

// sorted-btree is CommonJS with its class as `exports.default`, which ESM loaders hand over differently (Node's
// own, which the dev server's bundled Vite config uses for packages, gives the exports object); required, it is one.
const BTree = (createRequire(import.meta.url)('sorted-btree') as { default: typeof SortedBTree }).default

type Base = Pick<PollResults, 'id' | 'participants' | 'open' | 'revealed'>

/** A poll's running counts: each answer added or removed in time independent of how many there are. */
export interface Counts {
  add: (answer: Answer) => void
  remove: (answer: Answer) => void
  /**
   * Results as they stand, in new objects (a results object is cached and shared, never changed afterwards);
   * `textLimit` lists more or fewer text groups than the counts were made for (Infinity: all, as exports do).
   */
  results: (base: Base, textLimit?: number) => PollResults
  /** An open-text poll's groups as counted now (none for other kinds): comparisons add groups' counts together. */
  textGroups: () => Iterable<TextGroup>
}

function optionCounts(ids: string[]) {
  const counts: Record<string, number> = Object.fromEntries(ids.map(id => [id, 0]))
  const change = (answer: Answer, by: number): void => {
    for (const id of Array.isArray(answer)
      ? answer
      : [
          String(answer),
        ]) {
      if (id in counts)
        counts[id]! += by
    }
  }
  return { counts, change }
}

function choiceCounts(kind: 'single' | 'multiple', ids: string[]): Counts {
  const { counts, change } = optionCounts(ids)
  return {
    add: answer => change(answer, 1),
    remove: answer => change(answer, -1),
    results: base => ({
      ...base,
      kind,
      counts: { ...counts },
    }),
    textGroups: () => [],
  }
}

function scaleCounts(points: string[]): Counts {
  const { counts, change } = optionCounts(points)
  let sum = 0
  const mean = (participants: number): number | null => participants
    ? Math.round((sum / participants) * 100) / 100
    : null
  return {
    add(answer) {
      change(answer, 1)
      sum += Number(answer)
    },
    remove(answer) {
      change(answer, -1)
      sum -= Number(answer)
    },
    results: base => ({
      ...base,
      kind: 'scale',
      counts: { ...counts },
      mean: mean(base.participants),
    }),
    textGroups: () => [],
  }
}

function rankingCounts(ids: string[]): Counts {
  const scores: Record<string, number> = Object.fromEntries(ids.map(id => [id, 0]))
  const change = (answer: Answer, by: number): void => (answer as string[]).forEach((id, position) => {
    if (id in scores)
      scores[id]! += by * (ids.length - 1 - position)
  })
  return {
    add: answer => change(answer, 1),
    remove: answer => change(answer, -1),
    results: base => ({
      ...base,
      kind: 'ranking',
      scores: { ...scores },
      order: rankingOrder(ids, scores),
    }),
    textGroups: () => [],
  }
}

interface LiveGroup extends TextGroup {
  spellings: Map<string, number>
  /** The spelling shown, worked out when results are next read after a change. */
  shown?: string
}

/** Text groups by key, and the same groups in entry order (a B+ tree): the first `limit` are read without sorting them all. */
function textCounts(limit: number, answers: Iterable<Answer>): Counts {
  const groups = new Map<string, LiveGroup>()
  const order = new BTree<LiveGroup, undefined>(undefined, compareGroups)
  const keys = createTextKeys()
  // While the first answers are counted, groups are put in order once at the end, not moved at each answer.
  let counting = true
  const change = (answer: Answer, by: number): void => {
    const text = String(answer)
    const key = keys.of(text)
    let group = groups.get(key)
    if (!group) {
      if (by < 0)
        return
      groups.set(key, group = {
        key,
        count: 0,
        spellings: new Map(),
      })
    }
    else if (!counting) {
      order.delete(group) // its place depends on its count: taken out before the count changes
    }
    group.count += by
    const spelled = (group.spellings.get(text) ?? 0) + by
    if (spelled > 0) {
      group.spellings.set(text, spelled)
    }
    else {
      group.spellings.delete(text)
      keys.forget(text)
    }
    group.shown = undefined
    if (group.count <= 0)
      groups.delete(key)
    else if (!counting)
      order.set(group, undefined)
  }
  for (const answer of answers) change(answer, 1)
  for (const group of groups.values()) order.set(group, undefined)
  counting = false
  return {
    add: answer => change(answer, 1),
    remove: answer => change(answer, -1),
    results(base, shown = limit) {
      const entries = []
      for (const group of order.keys()) {
        if (entries.length >= shown)
          break
        entries.push({ text: group.shown ??= shownSpelling(group.spellings), count: group.count })
      }
      return {
        ...base,
        kind: 'text',
        entries,
        moreEntries: groups.size - entries.length,
      }
    },
    textGroups: () => groups.values(),
  }
}

/** Counts for `poll` of `answers` (results list `textLimit` text groups): one pass, then kept in step by add/remove. */
export function countAnswers(poll: Poll, answers: Iterable<Answer>, textLimit: number): Counts {
  if (poll.kind === 'text')
    return textCounts(textLimit, answers)
  const counts = poll.kind === 'scale'
    ? scaleCounts(scalePoints(poll).map(String))
    : poll.kind === 'ranking'
      ? rankingCounts(poll.options.map(o => o.id))
      : choiceCounts(poll.kind, poll.options.map(o => o.id))
  for (const answer of answers) counts.add(answer)
  return counts
}
