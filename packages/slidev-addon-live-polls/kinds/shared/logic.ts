import type { ComparisonCell, ComparisonColumn, ComparisonRow, ComparisonTable } from '../../polls/comparisonTable.ts'
import type { Answer } from '../../polls/types.ts'
import type { TextGroup } from '../text/groups.ts'
import type { Base } from './results.ts'

// What a kind does with answers and how it is laid out, the same on every surface that asks.

/** A poll's running counts: each answer added or removed in time independent of how many there are. */
export interface Counts<R> {
  add: (answer: Answer) => void
  remove: (answer: Answer) => void
  /**
   * Results as they stand, in new objects (a results object is cached and shared, never changed afterwards);
   * `textLimit` lists more or fewer text groups than the counts were made for (Infinity: all, as exports do).
   */
  results: (base: Base, textLimit?: number) => R
  /** An open-text poll's groups as counted now (none for other kinds): comparisons add groups' counts together. */
  textGroups: () => Iterable<TextGroup>
}

/** A shown group's part of a combined column: its results as counted, and (open text) its text groups. */
export interface Counted<R = unknown> {
  results: R & { participants: number }
  textGroups: () => Iterable<TextGroup>
}

/** What a kind adds to a comparison's columns: its rows, and how a reader reads them. */
export type KindRows = Omit<ComparisonTable, 'columns'>

export interface TableInput<R> {
  columns: ComparisonColumn[]
  /** The combined column's results. */
  combined: R
  /** Open-text answers listed per column. */
  textsShown: number
  /** A cell per column from its results (null where withheld or hidden). */
  cellsOf: (cell: (results: R) => ComparisonCell | null) => (ComparisonCell | null)[]
}

/** What the server does with a kind's answers (kinds/counting.ts lists each kind's). */
export interface KindCounting<P, R> {
  /**
   * Counts of `answers` in one pass (`textLimit` text groups in results), then kept in step by add/remove: live
   * results, exports, and results counted afresh (the same code run over all answers).
   */
  count: (poll: P, answers: Iterable<Answer>, textLimit: number) => Counts<R>
  /** All these groups' answers together, from their own counts (no answer counted again). */
  combine: (poll: P, base: Base, parts: Counted<R>[], textLimit: number) => R
  /** An answer as one CSV cell. */
  answerText: (answer: Answer) => string
}

/** The kind's rows of a comparison (console, projector and handout read the same table; kinds/tables.ts lists each kind's). */
export type KindTable<P, R> = (poll: P, input: TableInput<R>) => KindRows

export type { ComparisonRow }
