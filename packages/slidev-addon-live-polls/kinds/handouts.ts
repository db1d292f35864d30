import type { PollResults } from '../polls/types.ts'
import type { Poll, PollKind, PollOf, ResultsByKind } from './definitions.ts'
import type { KindHandout } from './shared/handout.ts'
import { handout as multiple } from './multiple/handout.ts'
import { handout as ranking } from './ranking/handout.ts'
import { handout as scale } from './scale/handout.ts'
import { handout as single } from './single/handout.ts'
import { handout as text } from './text/handout.ts'

// The PDF handout's entry (the CLI): what each kind's appendix says of it and draws of a session's results. A
// compared handout's tables are the comparison table model (polls/comparisonTable.ts, kinds/tables.ts).

export const handouts: { [K in PollKind]: KindHandout<PollOf<K>, ResultsByKind[K]> } = {
  single,
  multiple,
  scale,
  text,
  ranking,
}

/** `poll`'s kind's handout: `handouts` is keyed by kind, so poll and rendering always match. */
export function handoutOf(poll: Pick<Poll, 'kind'>): KindHandout<Poll, PollResults> {
  return handouts[poll.kind] as unknown as KindHandout<Poll, PollResults>
}
