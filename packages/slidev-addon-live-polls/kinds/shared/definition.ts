import * as v from 'valibot'

// The parts of a poll's definition every kind shares (a slide's `poll:` frontmatter), and its options'.

// Lower-case letters, digits and dashes: safe in URLs, file names and CSV without quoting.
export const Id = v.pipe(v.string('a string'), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63'))
export const Text = v.pipe(v.string('a string'), v.trim(), v.minLength(1, 'not empty'), v.maxLength(500, 'at most 500 characters'))
export const Whole = v.pipe(v.number('a number'), v.integer('a whole number'))

export const OptionSchema = v.strictObject({
  id: Id,
  label: Text,
  /** A figure to show beside the room's answer, e.g. a survey's share for this option (0–100). */
  reference: v.optional(v.pipe(v.number('a number'), v.minValue(0, '0 to 100'), v.maxValue(100, '0 to 100'))),
  /** What `reference` measured, when it is not the option itself. */
  referenceNote: v.optional(Text),
})

export type PollOption = v.InferOutput<typeof OptionSchema>

export const Options = v.pipe(
  v.array(OptionSchema, 'a list of options'),
  v.minLength(2, 'at least two options'),
  v.maxLength(20, 'at most 20 options'),
  v.check(list => new Set(list.map(o => o.id)).size === list.length, 'option ids must be unique'),
)

export const base = {
  id: Id,
  question: Text,
  /** Hide results on the slide until the presenter reveals them (against group-think in workshops). */
  hideResults: v.optional(v.boolean('true or false')),
  /** What the `reference` figures are, shown beside each bar ("Survey 30%"). */
  referenceName: v.optional(Text),
  /** Where `reference` figures come from, shown under the chart. */
  referenceLabel: v.optional(Text),
}

/** One of the poll's option ids. */
export function optionOf(poll: { options: PollOption[] }) {
  const ids = poll.options.map(o => o.id)
  return v.pipe(v.string('an option id'), v.picklist(ids, `an option id of this poll (${ids.join(', ')})`))
}
