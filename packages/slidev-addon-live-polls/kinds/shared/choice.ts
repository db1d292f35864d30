import type { ResultsBase } from './results.ts'
import * as v from 'valibot'
import { base, Options } from './definition.ts'

// What the choice kinds (single, multiple) share: a list of options, and a count per option.

export function choiceSchema<K extends string>(kind: K) {
  return v.strictObject({
    ...base,
    kind: v.literal(kind),
    options: Options,
  })
}

export type ChoicePollOf<K extends string> = v.InferOutput<ReturnType<typeof choiceSchema<K>>>

export interface ChoiceResultsOf<K extends string> extends ResultsBase<K> {
  counts: Record<string, number>
}
