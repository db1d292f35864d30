import type { Translate } from '../i18n/useMessages.ts'
import type { KindTable } from '../kinds/shared/logic.ts'
import type { Comparison, Poll, PollComparison, PollResults, TextEntry } from './types.ts'
import { tables } from '../kinds/tables.ts'

/** One group of a comparison, or all of them together: a column of the console's tables and the projector's. */
export interface ComparisonColumn {
  /** The session code as compared (`default` for the default session); null for the combined column. */
  code: string | null
  /** The session's name, or else its code; the caller's word for the default session and the combined column. */
  label: string
  /** Null where the group is withheld (fewer than `fewerThan` answered this poll in it) or hidden (the projector's, until revealed). */
  results: PollResults | null
  fewerThan: number
  /** On the projector: the group's results for this poll are hidden until the presenter reveals them there. */
  hidden?: boolean
  /** How many answered in a withheld group: the console's only (the projector and exports say "fewer than"). */
  answered?: number
}

/** One option (single, multiple, ranking) or point of the scale in one group. */
export interface ComparisonCell {
  /** Answers that chose it (single, multiple, scale); Borda points (ranking). */
  count: number
  /** Share of the group's participants, 0–100, rounded (single, multiple, scale); points as a share of the group's best (ranking). */
  share: number
  /** Its place in the group's order, 1 for the best (ranking only). */
  place?: number
}

export interface ComparisonRow {
  id: string
  label: string
  /** One per column; null where that column is withheld. */
  cells: (ComparisonCell | null)[]
}

/**
 * A poll's comparison as rows and columns: the one model the console's tables, the projector's bars and the handout's
 * pages read. The columns are the same for every kind; the rows are the kind's (kinds/<kind>/table.ts).
 */
export interface ComparisonTable {
  columns: ComparisonColumn[]
  /**
   * How a cell reads: answers and a share of the group (`shares`), Borda points and a place (`places`), or no cells,
   * only each column's answers (`texts`).
   */
  figures: 'shares' | 'places' | 'texts'
  /** Rows have labels of their own (options, points); open text's rows are only places in each column's list. */
  labelled: boolean
  /** Options (single, multiple; ranking in the combined order), points of the scale; none for open text. */
  rows: ComparisonRow[]
  /** The scale's mean in each column (null: withheld or nobody answered). */
  means?: (number | null)[]
  /** Open text: each column's most frequent answers, and how many more it has (null: withheld). */
  texts?: ({ entries: TextEntry[], more: number } | null)[]
}

export interface ComparisonLabels {
  /** The default session, which has no code to show. */
  defaultSession: string
  combined: string
}

/** What a column without figures says instead, in the slides' and the handout's language (the deck's). */
export function withheldText(column: Pick<ComparisonColumn, 'fewerThan' | 'hidden'>, t: Translate): string {
  return column.hidden
    ? t('slide.compareHidden')
    : t('compareWithheld', { n: column.fewerThan })
}

/** A group's name where the facilitator gave one, else its code. */
export function groupLabel(code: string, names: Comparison['names'], labels: ComparisonLabels): string {
  return names[code] ?? (code === 'default'
    ? labels.defaultSession
    : code)
}

/**
 * `poll` across the compared groups, then all of them together: a column per group in the order compared
 * (withheld groups keep their place, without numbers), and rows shaped by the poll's kind.
 */
export function comparisonTable(poll: Poll, compared: PollComparison, comparison: Pick<Comparison, 'sessions' | 'names' | 'minGroupSize'>, labels: ComparisonLabels, textsShown = 5): ComparisonTable {
  const columns: ComparisonColumn[] = [
    ...comparison.sessions.map((code) => {
      const results = compared.bySession[code]
      return {
        code,
        label: groupLabel(code, comparison.names, labels),
        results: !results || 'withheld' in results || 'hidden' in results
          ? null
          : results,
        fewerThan: results && 'withheld' in results
          ? results.fewerThan
          : comparison.minGroupSize,
        ...results && 'hidden' in results && { hidden: true },
        ...results && 'withheld' in results && results.answered !== undefined && { answered: results.answered },
      }
    }),
    {
      code: null,
      label: labels.combined,
      results: compared.combined,
      fewerThan: comparison.minGroupSize,
    },
  ]
  const cellsOf = (cell: (results: PollResults) => ComparisonCell | null): (ComparisonCell | null)[] =>
    columns.map(column => column.results && cell(column.results))

  // The kind's rows, for a poll of that kind: `tables` is keyed by kind, so the pair always matches.
  const rows = tables[poll.kind] as KindTable<Poll, PollResults>
  return {
    columns,
    ...rows(poll, {
      columns,
      combined: compared.combined,
      textsShown,
      cellsOf,
    }),
  }
}
