import type { Counts } from '../../kinds/counting.ts'
import type { Answer, Poll, PollResults, PollState } from '../../polls/types.ts'
import type { TextGroup } from './results.ts'
import { countAnswers } from '../../kinds/counting.ts'
import { TEXT_ENTRIES_SHOWN } from './results.ts'

/**
 * A poll's visible answers by participant, and the counts its live results are read from. A vote changes
 * the counts by its difference alone; the counts are first made when results are first asked for, so a
 * poll nobody looks at costs no counting.
 */
export function createTally(poll: Poll, answers: Map<string, Answer>, textLimit = TEXT_ENTRIES_SHOWN) {
  let counts: Counts | undefined
  return {
    answers: answers as ReadonlyMap<string, Answer>,
    set(participant: string, answer: Answer): void {
      const before = answers.get(participant)
      answers.set(participant, answer)
      if (before !== undefined)
        counts?.remove(before)
      counts?.add(answer)
    },
    delete(participant: string): void {
      const before = answers.get(participant)
      if (before === undefined)
        return
      answers.delete(participant)
      counts?.remove(before)
    },
    /** Results from the running counts; `listed` text groups (all, for exports), or as many as live results show. */
    results(state: PollState, listed = textLimit): PollResults {
      counts ??= countAnswers(poll, answers.values(), textLimit)
      return counts.results({ id: poll.id, participants: answers.size, ...state }, listed)
    },
    /** Open text: the groups as counted (live: read them before the next vote). */
    textGroups(): Iterable<TextGroup> {
      counts ??= countAnswers(poll, answers.values(), textLimit)
      return counts.textGroups()
    },
  }
}

export type Tally = ReturnType<typeof createTally>
