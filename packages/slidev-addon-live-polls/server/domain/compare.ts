import type { ComparisonView, HiddenResults, Poll, PollComparison, PollResults, PollState, WithheldResults } from '../../polls/types.ts'
import type { Counted } from './combined.ts'
import { combinedResults } from './combined.ts'
import { hiddenResults } from './results.ts'

/** One group's data for a poll: its results as the console shows them (every text group in exports), and its text groups. */
export interface Group extends Counted {
  /** The session code as asked (`default` for the default session). */
  label: string
  state: PollState
}

export interface CompareOptions {
  minGroupSize: number
  view: ComparisonView
  /** Text groups listed in the combined column (Infinity in exports). */
  textLimit?: number
}

/** Whether a group's results for a poll may be published at all: at least `minGroupSize` answered it. */
export const largeEnough = (participants: number, minGroupSize: number): boolean => participants >= minGroupSize

/** What a group's column gets in `view`: its results, that it is withheld (too few), or, on the projector, that it is hidden. */
function entry(poll: Poll, group: Group, { minGroupSize, view }: CompareOptions): PollResults | WithheldResults | HiddenResults {
  const { participants } = group.results
  if (!largeEnough(participants, minGroupSize)) {
    return {
      id: poll.id,
      kind: poll.kind,
      withheld: true,
      fewerThan: minGroupSize,
      ...view === 'console' && { answered: participants },
    }
  }
  // As on a single session's slide: the room sees results only once revealed; the presenter's console and exports always.
  return view === 'projector' && !group.state.revealed
    ? hiddenResults(poll, group.state, participants)
    : group.results
}

/**
 * A poll side by side across groups: each group's results, or, where fewer than `minGroupSize` answered, only that
 * it had fewer (three people answering "level of government" can be told apart). The combined column counts only
 * the groups whose results it shows: a withheld group's answers are in no figure, so no difference of published
 * figures (combined minus the other groups' own results, or two comparisons' combined columns) can give them away.
 */
export function comparePoll(poll: Poll, groups: Group[], options: CompareOptions): PollComparison {
  const entries = groups.map(g => entry(poll, g, options))
  const shown = groups.filter((_, i) => !('withheld' in entries[i]! || 'hidden' in entries[i]!))
  return {
    id: poll.id,
    kind: poll.kind,
    question: poll.question,
    bySession: Object.fromEntries(groups.map((g, i) => [g.label, entries[i]!])),
    combined: combinedResults(poll, {
      open: groups.some(g => g.state.open),
      revealed: true,
    }, shown, options.textLimit ?? Infinity),
  }
}
