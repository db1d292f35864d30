import type { Answer, HiddenResults, PollKind, PollResults } from '../packages/slidev-addon-live-polls/polls/types'
import { samples } from '../packages/slidev-addon-live-polls/kinds/samples'

/** A poll's count as the presenter shows it: how many phones answered and, for choice and scale polls, per option. */
export interface Tally {
  participants: number
  /** Absent where the kind's results have no count per key (text groups, ranking points) and for hidden results. */
  counts?: Record<string, number>
}

/** What the presenter must end up showing, given each phone's last acknowledged answer (counted by the kind's keys). */
export function tallyOf(kind: PollKind, answers: Answer[]): Tally {
  const keysOf = samples[kind].countedKeys
  if (!keysOf)
    return { participants: answers.length }
  const counts: Record<string, number> = {}
  for (const answer of answers) {
    for (const key of keysOf(answer)) counts[key] = (counts[key] ?? 0) + 1
  }
  return { participants: answers.length, counts }
}

export function mergeTallies(all: Tally[]): Tally {
  const participants = all.reduce((n, t) => n + t.participants, 0)
  if (!all.some(t => t.counts))
    return { participants }
  const counts: Record<string, number> = {}
  for (const t of all) {
    for (const [key, n] of Object.entries(t.counts ?? {})) counts[key] = (counts[key] ?? 0) + n
  }
  return { participants, counts }
}

/** The tally a `results` message shows. */
export function shownTally(results: PollResults | HiddenResults): Tally {
  return 'counts' in results
    ? {
        participants: results.participants,
        counts: { ...results.counts },
      }
    : { participants: results.participants }
}

/**
 * How far the presenter's final figures are from the acknowledged votes: the difference in participants plus
 * the differences of each option's count (when both sides have counts). 0 when every acknowledged vote is shown.
 */
export function tallyDifference(expected: Tally, shown: Tally | undefined): number {
  if (!shown)
    return expected.participants
  let difference = Math.abs(expected.participants - shown.participants)
  if (expected.counts && shown.counts) {
    for (const key of new Set([
      ...Object.keys(expected.counts),
      ...Object.keys(shown.counts),
    ]))
      difference += Math.abs((expected.counts[key] ?? 0) - (shown.counts[key] ?? 0))
  }
  return difference
}
