import type { Counts as KindCounts } from '../kinds/shared/logic.ts'
import type { Answer, Poll, PollResults } from '../polls/types.ts'
import { countingOf } from '../kinds/counting.ts'

/** A poll's running counts (kinds/shared/logic.ts). */
export type Counts = KindCounts<PollResults>

/**
 * Counts for `poll` of `answers` (results list `textLimit` text groups): one pass, then kept in step by add/remove.
 * Each kind counts its own answers (kinds/<kind>/count.ts); this is the one place the server asks for a count.
 */
export function countAnswers(poll: Poll, answers: Iterable<Answer>, textLimit: number): Counts {
  return countingOf(poll).count(poll, answers, textLimit)
}
