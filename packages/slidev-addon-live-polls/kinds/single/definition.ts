import type { ChoicePollOf, ChoiceResultsOf } from '../shared/choice.ts'
import { choiceSchema } from '../shared/choice.ts'
import { optionOf } from '../shared/definition.ts'

/** One option of several. */
export const schema = choiceSchema('single')

export type SinglePoll = ChoicePollOf<'single'>
export type SingleResults = ChoiceResultsOf<'single'>

/** An option id. */
export const answer = (poll: SinglePoll) => optionOf(poll)
