import type { ResultsBase } from '../shared/results.ts'
import * as v from 'valibot'
import { normalizeAnswerText } from '../../polls/normalizeText.ts'
import { hasNoncharacter, isWellFormedText, showsSomething } from '../../polls/textCharacters.ts'
import { base, Whole } from '../shared/definition.ts'

/** Open text, up to `maxLength` characters. */
export const schema = v.strictObject({
  ...base,
  kind: v.literal('text'),
  maxLength: v.optional(v.pipe(Whole, v.minValue(1, '1 to 1000'), v.maxValue(1000, '1 to 1000')), 200),
})

export type TextPoll = v.InferOutput<typeof schema>

export interface TextEntry {
  text: string
  count: number
}

export interface TextResults extends ResultsBase<'text'> {
  /** Answers grouped as moderation compares them, most frequent first: the first 100 groups in live results, every group in exports. */
  entries: TextEntry[]
  /** Groups not listed in `entries`. */
  moreEntries: number
}

/** A string, tidied. */
export function answer(poll: TextPoll) {
  return v.pipe(
    v.string('a string'),
    // Refused, not repaired: a text that is not Unicode, or holds characters no text has, was not typed.
    v.check(isWellFormedText, 'well-formed Unicode text (it holds half of a UTF-16 surrogate pair)'),
    v.check(text => !hasNoncharacter(text), 'text without noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …)'),
    v.transform(normalizeAnswerText),
    // Blank-looking (a braille blank, a Hangul filler) is empty: it would be printed as an empty entry.
    v.check(showsSomething, 'a non-empty answer'),
    v.maxLength(poll.maxLength, `at most ${poll.maxLength} characters`),
  )
}
