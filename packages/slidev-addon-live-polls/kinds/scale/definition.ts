import type { ResultsBase } from '../shared/results.ts'
import * as v from 'valibot'
import { base, Text, Whole } from '../shared/definition.ts'

/** A whole number from `min` to `max`, both ends labelled. */
export const schema = v.pipe(
  v.strictObject({
    ...base,
    kind: v.literal('scale'),
    min: Whole,
    max: Whole,
    minLabel: Text,
    maxLabel: Text,
  }),
  v.check(p => p.max > p.min && p.max - p.min <= 10, 'max must be above min, by at most 10'),
)

export type ScalePoll = v.InferOutput<typeof schema>

export interface ScaleResults extends ResultsBase<'scale'> {
  counts: Record<string, number>
  mean: number | null
}

/** An integer of the scale. */
export function answer(poll: ScalePoll) {
  return v.pipe(
    v.number('a number'),
    v.integer('a whole number'),
    v.minValue(poll.min, `a number from ${poll.min} to ${poll.max}`),
    v.maxValue(poll.max, `a number from ${poll.min} to ${poll.max}`),
  )
}
