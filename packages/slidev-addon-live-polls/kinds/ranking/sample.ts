import type { KindSample } from '../shared/sample.ts'
import type { RankingPoll } from './definition.ts'
import { shuffled } from '../shared/sample.ts'

export const sample: KindSample<RankingPoll> = {
  /** Every option once, in a random order. */
  answer: (poll, random) => shuffled(poll.options.map(o => o.id), random),
  countedKeys: null,
}
