// One set of types for the poll server, the slide components and the phone voting page.

export type PollKind = 'single' | 'multiple' | 'scale' | 'text' | 'ranking'

export interface PollOption {
  id: string
  label: string
  /** A figure to show beside the room's answer, e.g. the share of industry OSPOs in a survey (0–100). */
  reference?: number
  /** What `reference` measured, when it is not the option itself. */
  referenceNote?: string
}

interface PollBase {
  id: string
  question: string
  /** Hide results on the slide until the presenter reveals them (against group-think in workshops). */
  hideResults?: boolean
  /** Where `reference` figures come from, shown under the chart. */
  referenceLabel?: string
}

export interface ChoicePoll extends PollBase {
  kind: 'single' | 'multiple'
  options: PollOption[]
}

export interface ScalePoll extends PollBase {
  kind: 'scale'
  min: number
  max: number
  minLabel: string
  maxLabel: string
}

export interface TextPoll extends PollBase {
  kind: 'text'
  maxLength: number
}

export interface RankingPoll extends PollBase {
  kind: 'ranking'
  options: PollOption[]
}

export type Poll = ChoicePoll | ScalePoll | TextPoll | RankingPoll

/** An option id (single), option ids (multiple), an integer (scale), a string (text), option ids in order (ranking). */
export type Answer = string | string[] | number

/** What GET /api/polls lists for each poll. */
export interface PollSummary {
  id: string
  kind: PollKind
  question: string
  options: { id: string, label: string }[]
}

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

// WebSocket messages (documented in docs/api.md).

export type ServerMessage
  = | { type: 'welcome', presenter: boolean }
    | { type: 'current', poll: string | null, state: PollState | null, answer: Answer | null }
    | { type: 'ack', ref: number, poll: string }
    | { type: 'error', ref?: number, error: string }
    | { type: 'results', results: PollResults | HiddenResults }
