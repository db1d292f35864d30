import type { PollOption } from './schema.ts'
import type { Answer, Poll } from './types.ts'
import * as v from 'valibot'
import { normalizeAnswerText } from './normalizeText.ts'
import { hasNoncharacter, isWellFormedText, showsSomething } from './textCharacters.ts'

export type Checked = { ok: true, answer: Answer } | { ok: false, error: string }

/** One of the poll's option ids. */
function optionOf(poll: { options: PollOption[] }) {
  const ids = poll.options.map(o => o.id)
  return v.pipe(v.string('an option id'), v.picklist(ids, `an option id of this poll (${ids.join(', ')})`))
}

/** The schema an answer to `poll` must satisfy; built per poll from its one definition. */
function answerSchema(poll: Poll): v.GenericSchema<unknown, Answer> {
  switch (poll.kind) {
    case 'single':
      return optionOf(poll)
    case 'multiple':
      return v.pipe(
        v.array(optionOf(poll), 'an array of option ids'),
        v.minLength(1, 'at least one option'),
        v.check(list => new Set(list).size === list.length, 'each option once'),
      )
    case 'scale':
      return v.pipe(
        v.number('a number'),
        v.integer('a whole number'),
        v.minValue(poll.min, `a number from ${poll.min} to ${poll.max}`),
        v.maxValue(poll.max, `a number from ${poll.min} to ${poll.max}`),
      )
    case 'text':
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
    case 'ranking':
      return v.pipe(
        v.array(optionOf(poll), 'an array of option ids'),
        v.check(list => list.length === poll.options.length && new Set(list).size === list.length, 'every option exactly once, in order'),
      )
  }
}

/** Checks (and for text, tidies) an answer; the error says what was expected. */
export function validateAnswer(poll: Poll, answer: unknown): Checked {
  const result = v.safeParse(answerSchema(poll), answer)
  if (result.success)
    return { ok: true, answer: result.output }
  return { ok: false, error: `answer must be ${result.issues[0].message}` }
}
