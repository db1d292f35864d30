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

/**
 * Which groups' numbers for a poll are kept out, by index: each in which fewer than `minGroupSize` answered it
 * ('small'), and, when those together are still fewer, the smallest other group as well ('complement'): the
 * combined result minus the groups shown would otherwise give the small groups' answers away.
 */
export function withheldGroups(participants: number[], minGroupSize: number): Map<number, WithheldResults['reason']> {
  const withheld = new Map<number, WithheldResults['reason']>()
  participants.forEach((n, i) => n < minGroupSize && withheld.set(i, 'small'))
  const hidden = [
    ...withheld.keys(),
  ].reduce((sum, i) => sum + participants[i]!, 0)
  // Groups with no answers hide nothing: only answers withheld need a complement.
  if (hidden > 0 && hidden < minGroupSize) {
    const smallestShown = participants
      .map((n, i) => ({ n, i }))
      .filter(({ i }) => !withheld.has(i))
      .sort((a, b) => a.n - b.n)[0]
    if (smallestShown)
      withheld.set(smallestShown.i, 'complement')
  }
  return withheld
}

/**
 * A poll side by side across groups: each group's results, or, where fewer than `minGroupSize` answered, only that
 * it had fewer (three people answering "level of government" can be told apart), with a complement withheld as
 * `withheldGroups` says; and every group's answers counted together, small groups included (they cannot be
 * told apart in the whole).
 */
export function comparePoll(poll: Poll, groups: Group[], minGroupSize: number, textLimit?: number): PollComparison {
  const withheld = withheldGroups(groups.map(g => g.results.participants), minGroupSize)
  return {
    id: poll.id,
    kind: poll.kind,
    question: poll.question,
    bySession: Object.fromEntries(groups.map((g, i) => {
      const reason = withheld.get(i)
      return [
        g.label,
        reason
          ? {
            id: poll.id,
            kind: poll.kind,
            withheld: true,
            fewerThan: minGroupSize,
            reason,
          } satisfies WithheldResults
          : g.results,
      ]
    })),
    combined: aggregate(poll, {
      open: groups.some(g => g.state.open),
      revealed: true,
    }, groups.flatMap(g => g.answers), textLimit),
  }
}
