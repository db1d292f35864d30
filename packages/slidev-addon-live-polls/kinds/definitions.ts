import type { KindName } from './registry.ts'
import * as multiple from './multiple/definition.ts'
import * as ranking from './ranking/definition.ts'
import * as scale from './scale/definition.ts'
import * as single from './single/definition.ts'
import * as text from './text/definition.ts'

// The definitions entry: each kind's schema (a slide's `poll:` frontmatter) and the schema of an answer to it.

/** In KINDS' order: the tuple the deck's schema is a variant of (its type is the union of the kinds' polls). */
export const schemas = [
  single.schema,
  multiple.schema,
  scale.schema,
  text.schema,
  ranking.schema,
] as const

export type Poll = import('valibot').InferOutput<(typeof schemas)[number]>
export type PollKind = Poll['kind']

/** The results of each kind, by name. */
export interface ResultsByKind {
  single: single.SingleResults
  multiple: multiple.MultipleResults
  scale: scale.ScaleResults
  text: text.TextResults
  ranking: ranking.RankingResults
}

export type PollOf<K extends KindName> = Extract<Poll, { kind: K }>

/** What an answer to a poll of each kind must be. */
export const answers: { [K in KindName]: (poll: PollOf<K>) => import('valibot').GenericSchema<unknown, unknown> } = {
  single: single.answer,
  multiple: multiple.answer,
  scale: scale.answer,
  text: text.answer,
  ranking: ranking.answer,
}

export type { MultiplePoll, MultipleResults } from './multiple/definition.ts'
export type { RankingPoll, RankingResults } from './ranking/definition.ts'
export type { ScalePoll, ScaleResults } from './scale/definition.ts'
export type { SinglePoll, SingleResults } from './single/definition.ts'
export type { TextEntry, TextPoll, TextResults } from './text/definition.ts'
