import type { Poll, PollResults, PollState } from '../polls/types.ts'
import type { TextGroup } from './results.ts'
import { scalePoints } from '../polls/scalePoints.ts'
import { listGroups, rankingOrder } from './results.ts'

/** A shown group's part of a combined column: its results as counted, and (open text) its text groups. */
export interface Counted {
  results: PollResults
  textGroups: () => Iterable<TextGroup>
}

type Figures = Record<string, number>
/** Each id's figure summed over the groups' figures (counts or scores), in the poll's order. */
function summed(ids: string[], figures: Figures[]): Figures {
  return Object.fromEntries(ids.map(id => [
    id,
    figures.reduce((sum, each) => sum + (each[id] ?? 0), 0),
  ]))
}

/**
 * Text groups of several groups merged by key: counts and spellings added, no answer keyed again. A text only one
 * group wrote is its group as counted, read, not copied (most texts, in a big open question); one several wrote
 * gets a new sum (at most one per group compared).
 */
function mergedTexts(parts: Counted[]): Iterable<TextGroup> {
  const merged = new Map<string, TextGroup>()
  for (const part of parts) {
    for (const group of part.textGroups()) {
      const into = merged.get(group.key)
      if (!into) {
        merged.set(group.key, group)
        continue
      }
      const spellings = new Map(into.spellings)
      for (const [text, n] of group.spellings) spellings.set(text, (spellings.get(text) ?? 0) + n)
      merged.set(group.key, { key: group.key, count: into.count + group.count, spellings })
    }
  }
  return merged.values()
}

/**
 * What `aggregate` gives for all these groups' answers together, from their own counts: each group's answers were
 * counted once already, and counting them afresh for a comparison held the event loop (~0.25 s per 50,000 texts)
 * and a copy of every answer.
 */
export function combinedResults(poll: Poll, state: PollState, parts: Counted[], textLimit: number): PollResults {
  const participants = parts.reduce((sum, part) => sum + part.results.participants, 0)
  const base = { id: poll.id, participants, ...state }
  const counts = (): Figures[] => parts.map(({ results }) => 'counts' in results
    ? results.counts
    : {})
  switch (poll.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        kind: poll.kind,
        counts: summed(poll.options.map(o => o.id), counts()),
      }
    case 'scale': {
      const points = scalePoints(poll)
      const byPoint = summed(points.map(String), counts())
      // Whole points: the sum is exact whatever order it is added in, as aggregate's is.
      const sum = points.reduce((total, point) => total + point * byPoint[point]!, 0)
      return {
        ...base,
        kind: 'scale',
        counts: byPoint,
        mean: participants
          ? Math.round((sum / participants) * 100) / 100
          : null,
      }
    }
    case 'ranking': {
      const ids = poll.options.map(o => o.id)
      const scores = summed(ids, parts.map(({ results }) => 'scores' in results
        ? results.scores
        : {}))
      return {
        ...base,
        kind: 'ranking',
        scores,
        order: rankingOrder(ids, scores),
      }
    }
    case 'text':
      return {
        ...base,
        kind: 'text',
        ...listGroups(mergedTexts(parts), textLimit),
      }
  }
}
