// One set of types for the poll server, the slide components and the phone voting page.

import type { Poll, PollKind } from './schema.ts'

export type { ChoicePoll, Poll, PollKind, PollOption, RankingPoll, ScalePoll, TextPoll } from './schema.ts'

/** An option id (single), option ids (multiple), an integer (scale), a string (text), option ids in order (ranking). */
export type Answer = string | string[] | number

export interface PollState {
  open: boolean
  revealed: boolean
}

interface ResultsBase extends PollState {
  id: string
  kind: PollKind
  /** Distinct participants who answered. */
  participants: number
}

export interface ChoiceResults extends ResultsBase {
  kind: 'single' | 'multiple'
  counts: Record<string, number>
}

export interface ScaleResults extends ResultsBase {
  kind: 'scale'
  counts: Record<string, number>
  mean: number | null
}

export interface TextEntry {
  text: string
  count: number
}

export interface TextResults extends ResultsBase {
  kind: 'text'
  /** Answers grouped as moderation compares them, most frequent first: the first 100 groups in live results, every group in exports. */
  entries: TextEntry[]
  /** Groups not listed in `entries`. */
  moreEntries: number
}

export interface RankingResults extends ResultsBase {
  kind: 'ranking'
  /** Borda points: an option ranked first of n gets n−1 points, last gets 0. */
  scores: Record<string, number>
  /** Option ids, best first. */
  order: string[]
}

export type PollResults = ChoiceResults | ScaleResults | TextResults | RankingResults

/** Results while hidden: only how many have answered. */
export interface HiddenResults extends ResultsBase {
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
