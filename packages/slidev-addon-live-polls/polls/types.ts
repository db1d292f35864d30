// One set of types for the poll server, the slide components and the phone voting page.

import type { MultiplePoll, MultipleResults, Poll, PollKind, ResultsByKind, SinglePoll, SingleResults } from '../kinds/definitions.ts'
import type { PollState, ResultsBase } from '../kinds/shared/results.ts'

export type { Poll, PollKind, RankingPoll, RankingResults, ScalePoll, ScaleResults, TextEntry, TextPoll, TextResults } from '../kinds/definitions.ts'
export type { PollOption } from '../kinds/shared/definition.ts'

export type { PollState } from '../kinds/shared/results.ts'

/** An option id (single), option ids (multiple), an integer (scale), a string (text), option ids in order (ranking). */
export type Answer = string | string[] | number

/** The choice kinds' polls and results (an option or several of a list). */
export type ChoicePoll = SinglePoll | MultiplePoll
export type ChoiceResults = SingleResults | MultipleResults

/** Any kind's results (kinds/<kind>/definition.ts). */
export type PollResults = ResultsByKind[PollKind]

/** Results while hidden: only how many have answered. */
export interface HiddenResults extends ResultsBase<PollKind> {
  hidden: true
}

/**
 * A group's results kept out of a comparison: fewer than `fewerThan` (MIN_GROUP_SIZE) answered the poll in it. None of
 * its answers are in any published figure, the combined column included.
 */
export interface WithheldResults {
  id: string
  kind: PollKind
  withheld: true
  fewerThan: number
  /** How many answered: the presenter's console only (more answers than people at a table stands out), never the projector or an export. */
  answered?: number
}

/** A workshop session as the console lists it. */
export interface SessionInfo {
  code: string
  createdAt: number
  participants: number
  /** A short name the facilitator gave it ("Group 1 — municipalities"), or null. */
  name: string | null
}

/** One poll compared across sessions: each group's results (or withheld, or hidden), and those shown counted together. */
export interface PollComparison {
  id: string
  kind: PollKind
  question: string
  /** By session code as asked (`default` for the default session); hidden only in the projector's view. */
  bySession: Record<string, PollResults | WithheldResults | HiddenResults>
  /** The answers of the groups whose results are shown, together: a withheld or hidden group's are left out. */
  combined: PollResults
}

/**
 * Who a comparison is for: the presenter's console (every group's results, hidden ones too, and how many answered in a
 * withheld group), the projector (Hide/Reveal honoured per session), or an export (hidden ones included, every text).
 */
export type ComparisonView = 'console' | 'projector' | 'export'

/** GET /api/compare?sessions=A,B: the same polls in several workshop sessions, side by side (docs/api.md). */
export interface Comparison {
  /** The codes compared, in the order asked (`default` for the default session). */
  sessions: string[]
  /** Each code's name, where the facilitator gave one. */
  names: Record<string, string | null>
  /** MIN_GROUP_SIZE: a group with fewer participants in a poll is withheld there. */
  minGroupSize: number
  polls: PollComparison[]
}

// WebSocket messages (documented in docs/api.md).

export type ServerMessage
  = | { type: 'welcome', presenter: boolean }
    | { type: 'current', poll: string | null, definition: Poll | null, state: PollState | null, answer: Answer | null }
    | { type: 'ack', ref: number, poll: string }
    /** `retry`: the vote was not stored for now (the database slow or unavailable); send it again in a moment. */
    | { type: 'error', ref?: number, error: string, retry?: true }
    | { type: 'results', results: PollResults | HiddenResults }

/** GET /api/info: where phones join, and what names and colours the deck (docs/api.md). */
export interface DeckInfo {
  joinUrl: string
  title: string
  /** A file name without extension for the deck's exports. */
  fileStem: string
  /** The theme's primary colour, or null for the pages' own. */
  accent: string | null
}
