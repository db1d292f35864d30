import type { Poll } from '../kinds/definitions.ts'
import * as v from 'valibot'
import { schemas } from '../kinds/definitions.ts'
import { kindsListed } from '../kinds/registry.ts'

// A poll as a deck's author writes it in a slide's frontmatter (`poll:`), checked when the deck loads: a variant of
// the kinds' own schemas (kinds/<kind>/definition.ts). One definition: the types of polls everywhere are inferred from it.

/** What the author wrote, as a message quotes it: 'rank', 3, nothing. */
function written(input: unknown): string {
  if (input === undefined)
    return 'nothing'
  return typeof input === 'string'
    ? `'${input}'`
    : JSON.stringify(input)
}

export const PollSchema: v.GenericSchema<unknown, Poll> = v.variant('kind', schemas, issue => issue.path
  ? `kind must be ${kindsListed()}; got ${written(issue.input)}`
  // Not a mapping at all (`poll: lunch`).
  : `must be a mapping with id, kind and question; got ${written(issue.input)}`)

export type { Poll, PollKind } from '../kinds/definitions.ts'
export type { PollOption } from '../kinds/shared/definition.ts'
export type { ChoicePoll, RankingPoll, ScalePoll, TextPoll } from './types.ts'
