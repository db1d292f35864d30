import * as v from 'valibot'

// A poll as a deck's author writes it in a slide's frontmatter (`poll:`), checked when the deck loads.
// One definition: the types of polls everywhere are inferred from it.

// Lower-case letters, digits and dashes: safe in URLs, file names and CSV without quoting.
const Id = v.pipe(v.string('a string'), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63'))
const Text = v.pipe(v.string('a string'), v.trim(), v.minLength(1, 'not empty'), v.maxLength(500, 'at most 500 characters'))

const OptionSchema = v.strictObject({
  id: Id,
  label: Text,
  /** A figure to show beside the room's answer, e.g. a survey's share for this option (0–100). */
  reference: v.optional(v.pipe(v.number('a number'), v.minValue(0, '0 to 100'), v.maxValue(100, '0 to 100'))),
  /** What `reference` measured, when it is not the option itself. */
  referenceNote: v.optional(Text),
})

const Options = v.pipe(
  v.array(OptionSchema, 'a list of options'),
  v.minLength(2, 'at least two options'),
  v.maxLength(20, 'at most 20 options'),
  v.check(list => new Set(list.map(o => o.id)).size === list.length, 'option ids must be unique'),
)

const base = {
  id: Id,
  question: Text,
  /** Hide results on the slide until the presenter reveals them (against group-think in workshops). */
  hideResults: v.optional(v.boolean('true or false')),
  /** What the `reference` figures are, shown beside each bar ("Survey 30%"). */
  referenceName: v.optional(Text),
  /** Where `reference` figures come from, shown under the chart. */
  referenceLabel: v.optional(Text),
}
/** What the author wrote, as a message quotes it: 'rank', 3, nothing. */
function written(input: unknown): string {
  if (input === undefined)
    return 'nothing'
  return typeof input === 'string'
    ? `'${input}'`
    : JSON.stringify(input)
}

const Whole = v.pipe(v.number('a number'), v.integer('a whole number'))

export const PollSchema = v.variant('kind', [
  v.strictObject({
    ...base,
    kind: v.picklist(['single', 'multiple']),
    options: Options,
  }),
  v.strictObject({
    ...base,
    kind: v.literal('ranking'),
    options: Options,
  }),
  v.pipe(
    v.strictObject({
      ...base,
      kind: v.literal('scale'),
      min: Whole,
      max: Whole,
      minLabel: Text,
      maxLabel: Text,
    }),
    v.check(p => p.max > p.min && p.max - p.min <= 10, 'max must be above min, by at most 10'),
  ),
  v.strictObject({
    ...base,
    kind: v.literal('text'),
    maxLength: v.optional(v.pipe(Whole, v.minValue(1, '1 to 1000'), v.maxValue(1000, '1 to 1000')), 200),
  }),
], issue => issue.path
  ? `kind must be single, multiple, scale, text or ranking; got ${written(issue.input)}`
  // Not a mapping at all (`poll: lunch`).
  : `must be a mapping with id, kind and question; got ${written(issue.input)}`)

export type Poll = v.InferOutput<typeof PollSchema>
export type PollKind = Poll['kind']
export type PollOption = v.InferOutput<typeof OptionSchema>
export type ChoicePoll = Extract<Poll, { kind: 'single' | 'multiple' }>
export type ScalePoll = Extract<Poll, { kind: 'scale' }>
export type TextPoll = Extract<Poll, { kind: 'text' }>
export type RankingPoll = Extract<Poll, { kind: 'ranking' }>
