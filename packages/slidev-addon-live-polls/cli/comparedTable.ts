import type { Translator } from '../i18n/useMessages'
import type { ComparisonCell, ComparisonColumn } from '../polls/comparisonTable'
import type { Poll, PollComparison } from '../polls/types'
import { ENGLISH, pct, referenceDetail } from '../kinds/shared/handout'
import { comparisonTable, withheldText } from '../polls/comparisonTable'

// The handout's reading of the one comparison table model (polls/comparisonTable.ts, each kind's rows from
// kinds/<kind>/table.ts): the console's and the projector's rows, places and text order, with cells formatted for
// print. Nothing here knows a kind; what differs is the model's `figures`.

/** A group in a compared handout: its code as compared (`default` for the default session) and what it is called. */
export interface HandoutGroup {
  label: string
  /** The facilitator's name for it, else its code. */
  name: string
  /** Distinct participants in the session (any poll). */
  participants: number
}

/** One figure in a group's column: a bar's length (0–1; none for a row without a bar) and what it reads. */
export interface Cell {
  share?: number
  /** In full, for the appendix's table ("2 · 25%"). */
  value: string
  /** Short, for a poll page's narrow columns ("25%"). */
  short: string
  /** An open-text answer, for the text polls' rows. */
  text?: string
}

export interface Column {
  /** The group's name, or "All groups" (the console's and the projector's word for the combined column). */
  name: string
  /** The code under the name, where the name is the facilitator's. */
  code?: string
  /** "8 answers", or "fewer than 5" for a withheld group. */
  answers: string
  /** What a withheld group's column says instead of figures. */
  withheld?: string
  combined: boolean
  /** Null for a group withheld from this poll: none of its figures are given. */
  cells: Cell[] | null
}

export interface Row {
  label: string
  /** A reference figure beside an option ("Survey 30%"), under its label. */
  detail?: string
  /** Where that figure's marker sits on each column's bar, 0–1. */
  reference?: number
}

/** A poll side by side: a label per row, one column per group and the combined one. */
export interface ComparedTable {
  rows: Row[]
  columns: Column[]
  /** Text polls: rows are places in each group's own list, so they have no label of their own. */
  unlabelled: boolean
  /** The last row sums the others up (the scale's mean). */
  total: boolean
}

/** The "fewer than 5" every compared output shows for a withheld group, never its count. */
export function fewerThan(minGroupSize: number, m: Translator = ENGLISH): string {
  return m.t('handout.fewerThan', { n: minGroupSize })
}

const EMPTY: Cell = { value: '', short: '' }

/** A cell of the model as print reads it: answers · share, or points · place. */
function figure(cell: ComparisonCell | null | undefined, column: ComparisonColumn, places: boolean, m: Translator): Cell {
  if (!cell)
    return EMPTY
  if (places) {
    const place = m.t('compareTextPlace', { n: cell.place ?? '–' })
    return { share: cell.share / 100, value: `${m.number(cell.count)} · ${place}`, short: place }
  }
  // Of nobody, a dash: no share of an empty group.
  const share = column.results?.participants
    ? m.t('slide.share', { share: cell.share })
    : pct(0, 0, m)
  return { share: cell.share / 100, value: `${m.number(cell.count)} · ${share}`, short: share }
}

/**
 * A compared poll as rows and columns, for the poll page's bars and the appendix's table: each group's figures
 * (none at all for a group withheld from it), then the groups shown combined, read from the comparison table model.
 */
export function comparedTable(poll: Poll, compared: PollComparison, groups: HandoutGroup[], minGroupSize: number, textRows: number, m: Translator = ENGLISH): ComparedTable {
  const model = comparisonTable(poll, compared, {
    sessions: groups.map(g => g.label),
    names: Object.fromEntries(groups.map(g => [g.label, g.name])),
    minGroupSize,
  }, {
    defaultSession: 'default',
    combined: m.t('compareCombined'),
  }, textRows)

  let rows: Row[]
  let cellsOf: (column: ComparisonColumn, i: number) => Cell[]
  if (model.texts) {
    // A place per answer, as many as the longest list shows, and a line for those not listed where any column has them.
    const texts = model.texts
    const places = Math.max(0, ...texts.map(list => list?.entries.length ?? 0))
    const more = texts.some(list => list?.more)
    rows = Array.from({ length: places + (more
      ? 1
      : 0) }, () => ({ label: '' }))
    cellsOf = (_, i) => {
      const list = texts[i]!
      const most = list.entries[0]?.count ?? 1
      return rows.map((_, r) => {
        if (r === places) {
          return list.more
            ? {
                value: m.t('handout.moreAnswers', { n: list.more }),
                short: m.t('handout.moreShort', { n: list.more }),
              }
            : EMPTY
        }
        const entry = list.entries[r]
        return entry
          ? {
              share: entry.count / most,
              value: m.number(entry.count),
              short: m.number(entry.count),
              text: entry.text,
            }
          : EMPTY
      })
    }
  }
  else {
    const options = 'options' in poll && model.figures === 'shares'
      ? poll.options
      : []
    rows = model.rows.map((row) => {
      const option = options.find(o => o.id === row.id)
      return option?.reference === undefined
        ? { label: row.label }
        : {
            label: row.label,
            detail: referenceDetail(poll, option, m),
            reference: option.reference / 100,
          }
    })
    if (model.means) {
      rows.push({
        label: m.t('handout.mean'),
      })
    }
    cellsOf = (column, i) => [
      ...model.rows.map(row => figure(row.cells[i], column, model.figures === 'places', m)),
      ...model.means
        ? [
            model.means[i] === null || model.means[i] === undefined
              ? '–'
              : m.number(model.means[i]!),
          ].map(mean => ({ value: mean, short: mean }))
        : [],
    ]
  }

  const answers = (participants: number): string => m.t('handout.answers', { n: participants })
  return {
    rows,
    unlabelled: !model.labelled,
    total: model.means !== undefined,
    columns: model.columns.map((column, i): Column => {
      const group = groups[i]
      const head = group
        ? {
            name: group.name,
            code: group.name === group.label
              ? undefined
              : group.label,
            combined: false,
          }
        : { name: column.label, combined: true }
      return {
        ...head,
        ...column.results
          ? {
              answers: answers(column.results.participants),
              cells: cellsOf(column, i),
            }
          : {
              answers: fewerThan(minGroupSize, m),
              withheld: withheldText({ fewerThan: minGroupSize }, m.t),
              cells: null,
            },
      }
    }),
  }
}
