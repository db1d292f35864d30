import type { Poll, PollKind, PollOf } from './definitions.ts'
import type { KindTraits } from './shared/traits.ts'
import { traits as multiple } from './multiple/traits.ts'
import { traits as ranking } from './ranking/traits.ts'
import { traits as scale } from './scale/traits.ts'
import { traits as single } from './single/traits.ts'
import { traits as text } from './text/traits.ts'

// The browser-safe entry (console, slides; the server too): what a kind is, without its schema, chart or counting.
// Only types come from definitions.ts, so nothing here pulls valibot or sorted-btree into a page.

export const traits: { [K in PollKind]: KindTraits<PollOf<K>> } = {
  single,
  multiple,
  scale,
  text,
  ranking,
}

/** `poll`'s kind's traits: `traits` is keyed by kind, so poll and traits always match. */
export function traitsOf(poll: Pick<Poll, 'kind'>): KindTraits<Poll> {
  return traits[poll.kind] as KindTraits<Poll>
}
