import type { ResultsBase } from '../shared/results.ts'
import * as v from 'valibot'
import { base, optionOf, Options } from '../shared/definition.ts'

/** The options put in order. */
export const schema = v.strictObject({
  ...base,
  kind: v.literal('ranking'),
  options: Options,
})

export type RankingPoll = v.InferOutput<typeof schema>

export interface RankingResults extends ResultsBase<'ranking'> {
  /** Borda points: an option ranked first of n gets n−1 points, last gets 0. */
  scores: Record<string, number>
  /** Option ids, best first. */
  order: string[]
}

/** Every option id once, best first. */
export function answer(poll: RankingPoll) {
  return v.pipe(
    v.array(optionOf(poll), 'an array of option ids'),
    v.check(list => list.length === poll.options.length && new Set(list).size === list.length, 'every option exactly once, in order'),
  )
}
