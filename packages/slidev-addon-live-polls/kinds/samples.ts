import type { Poll, PollKind, PollOf } from './definitions.ts'
import type { KindSample } from './shared/sample.ts'
import { sample as multiple } from './multiple/sample.ts'
import { sample as ranking } from './ranking/sample.ts'
import { sample as scale } from './scale/sample.ts'
import { sample as single } from './single/sample.ts'
import { sample as text } from './text/sample.ts'

// The bench's entry (bench/answers.ts, bench/tally.ts): each kind's random answers, and how its results count them.

export const samples: { [K in PollKind]: KindSample<PollOf<K>> } = {
  single,
  multiple,
  scale,
  text,
  ranking,
}

/** `poll`'s kind's sample: `samples` is keyed by kind, so poll and sample always match. */
export function sampleOf(poll: Pick<Poll, 'kind'>): KindSample<Poll> {
  return samples[poll.kind] as KindSample<Poll>
}
