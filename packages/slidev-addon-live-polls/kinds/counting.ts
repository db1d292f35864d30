import type { Answer, PollResults } from '../polls/types.ts'
import type { Poll, PollKind, PollOf, ResultsByKind } from './definitions.ts'
import type { KindCounting, Counts as KindCounts } from './shared/logic.ts'
import { counting as multiple } from './multiple/count.ts'
import { counting as ranking } from './ranking/count.ts'
import { counting as scale } from './scale/count.ts'
import { counting as single } from './single/count.ts'
import { counting as text } from './text/count.ts'

// The server's entry (plain Node, no .vue): how each kind counts answers, combines groups and exports an answer.

export const countings: { [K in PollKind]: KindCounting<PollOf<K>, ResultsByKind[K]> } = {
  single,
  multiple,
  scale,
  text,
  ranking,
}

/** `poll`'s kind's counting: `countings` is keyed by kind, so poll and counting always match. */
export function countingOf(poll: Pick<Poll, 'kind'>): KindCounting<Poll, PollResults> {
  return countings[poll.kind] as unknown as KindCounting<Poll, PollResults>
}

/** A poll's running counts (kinds/shared/logic.ts). */
export type Counts = KindCounts<PollResults>

/**
 * Counts for `poll` of `answers` (results list `textLimit` text groups): one pass, then kept in step by add/remove.
 * Each kind counts its own answers (kinds/<kind>/count.ts); this is the one place the server asks for a count.
 */
export function countAnswers(poll: Poll, answers: Iterable<Answer>, textLimit: number): Counts {
  return countingOf(poll).count(poll, answers, textLimit)
}
