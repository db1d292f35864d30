import type { Answer, Poll, PollComparison, PollResults, PollState, WithheldResults } from '../polls/types.ts'
import { aggregate } from './results.ts'

/** One group's data for a poll: its results as the console shows them, and its answers for the combined count. */
export interface Group {
  /** The session code as asked (`default` for the default session). */
  label: string
  state: PollState
  results: PollResults
  answers: Answer[]
}

/** Whether a group's numbers for a poll are kept out: fewer than `minGroupSize` answered it there. */
export const isWithheld = (participants: number, minGroupSize: number): boolean => participants < minGroupSize

function withheld(poll: Poll, minGroupSize: number): WithheldResults {
  return {
    id: poll.id,
    kind: poll.kind,
    withheld: true,
    fewerThan: minGroupSize,
  }
}

/**
 * A poll side by side across groups: each group's results, or, where fewer than `minGroupSize` answered, only that
 * it had fewer (three people answering "level of government" can be told apart); and every group's answers
 * counted together, small groups included (they cannot be told apart in the whole).
 */
export function comparePoll(poll: Poll, groups: Group[], minGroupSize: number, textLimit?: number): PollComparison {
  return {
    id: poll.id,
    kind: poll.kind,
    question: poll.question,
    bySession: Object.fromEntries(groups.map(g => [
      g.label,
      isWithheld(g.results.participants, minGroupSize)
        ? withheld(poll, minGroupSize)
        : g.results,
    ])),
    combined: aggregate(poll, {
      open: groups.some(g => g.state.open),
      revealed: true,
    }, groups.flatMap(g => g.answers), textLimit),
  }
}
