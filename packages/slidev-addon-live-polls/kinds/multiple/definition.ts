import type { ChoicePollOf, ChoiceResultsOf } from '../shared/choice.ts'
import * as v from 'valibot'
import { choiceSchema } from '../shared/choice.ts'
import { optionOf } from '../shared/definition.ts'

/** Any number of options, at least one. */
export const schema = choiceSchema('multiple')

export type MultiplePoll = ChoicePollOf<'multiple'>
export type MultipleResults = ChoiceResultsOf<'multiple'>

/** Option ids, each once. */
export function answer(poll: MultiplePoll) {
  return v.pipe(
    v.array(optionOf(poll), 'an array of option ids'),
    v.minLength(1, 'at least one option'),
    v.check(list => new Set(list).size === list.length, 'each option once'),
  )
}
