import type { Answer, HiddenResults, Poll, PollResults, PollState } from '../../polls/types.ts'
import { countAnswers } from '../../kinds/counting.ts'

export type { TextGroup } from '../../kinds/text/groups.ts'

/**
 * How many text groups live results carry (the rest is counted in `moreEntries`; exports list all). The
 * word cloud draws 60 and lists 5 long answers, so 100 fill any slide with room to spare and bound a
 * broadcast however many answers a poll holds: a few KB as a room types, ~60 KB at most (200 characters each).
 */
export const TEXT_ENTRIES_SHOWN = 100

/**
 * Results of stored answers (one per participant) counted afresh: the same counting as live results, run over all
 * the answers at once (kinds/<kind>/count.ts). Tests compare running counts and combined columns with it.
 */
export function aggregate(poll: Poll, state: PollState, answers: Answer[], textLimit = Infinity): PollResults {
  return countAnswers(poll, answers, textLimit).results({ id: poll.id, participants: answers.length, ...state }, textLimit)
}

/** What an audience sees of results not yet revealed: only how many have answered, so nothing is aggregated for it. */
export function hiddenResults(poll: Poll, state: PollState, participants: number): HiddenResults {
  return {
    id: poll.id,
    kind: poll.kind,
    participants,
    open: state.open,
    revealed: state.revealed,
    hidden: true,
  }
}
