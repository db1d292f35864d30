import type { Poll, PollComparison, PollResults } from '../polls/types'
import { withheldText } from '../polls/comparisonTable'
import { counted, pct, sortTextEntries } from './handoutAppendix'

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
}

/** The "fewer than 5" every compared output shows for a withheld group, never its count. */
export function fewerThan(minGroupSize: number): string {
  return `fewer than ${minGroupSize}`
}

function optionLabel(poll: Poll, id: string): string {
  return 'options' in poll
    ? poll.options.find(o => o.id === id)?.label ?? id
    : id
}

/** The rows every column shares: options, scale points, the combined ranking's order, or places in a text list. */
function rowKeys(poll: Poll, combined: PollResults, textRows: number, shown: PollResults[]): string[] {
  switch (combined.kind) {
    case 'single':
    case 'multiple':
      return 'options' in poll
        ? poll.options.map(o => o.id)
        : []
    case 'scale':
      return [
        ...Object.keys(combined.counts),
        'mean',
      ]
    case 'ranking':
      return combined.order
    case 'text': {
      const longest = Math.max(0, ...shown.map(r => r.kind === 'text'
        ? r.entries.length
        : 0))
      const places = Array.from({
        length: Math.min(textRows, longest),
      }, (_, i) => String(i + 1))
      return shown.some(r => unlisted(r, textRows))
        ? [...places, 'more']
        : places
    }
  }
}

function row(poll: Poll, key: string): Row {
  switch (poll.kind) {
    case 'scale': {
      if (key === 'mean')
        return { label: 'Mean' }
      const ends: Record<number, string> = { [poll.min]: poll.minLabel, [poll.max]: poll.maxLabel }
      const end = ends[Number(key)]
      return {
        label: end
          ? `${key} · ${end}`
          : key,
      }
    }
    case 'text':
      return { label: '' }
    case 'ranking':
      return {
        label: optionLabel(poll, key),
      }
    default: {
      const option = poll.options.find(o => o.id === key)
      return option?.reference === undefined
        ? {
            label: optionLabel(poll, key),
          }
        : {
            label: option.label,
            detail: `${poll.referenceName ?? 'Reference'} ${option.reference}%${option.referenceNote
              ? ` (${option.referenceNote})`
              : ''}`,
            reference: option.reference / 100,
          }
    }
  }
}

/** How many of the group chose an option (or a scale point), and what share of it that is. */
function share(n: number, of: number): Cell {
  return {
    share: of
      ? n / of
      : 0,
    value: `${n} · ${pct(n, of)}`,
    short: pct(n, of),
  }
}

/** A group's (or the combined) figures for each row. */
function cells(keys: string[], results: PollResults, textRows: number): Cell[] {
  const of = results.participants
  switch (results.kind) {
    case 'single':
    case 'multiple':
      return keys.map(id => share(results.counts[id] ?? 0, of))
    case 'scale':
      return keys.map((point) => {
        if (point !== 'mean')
          return share(results.counts[point] ?? 0, of)
        const mean = results.mean === null
          ? '–'
          : String(results.mean)
        return { value: mean, short: mean }
      })
    case 'ranking': {
      const points = Object.values(results.scores)
      const best = Math.max(1, ...points)
      return keys.map((id) => {
        const own = results.scores[id] ?? 0
        // Equal points, equal place: 1, 1, 3 (as sports tables count).
        const place = `#${1 + points.filter(p => p > own).length}`
        return {
          share: own / best,
          value: `${own} · ${place}`,
          short: place,
        }
      })
    }
    case 'text': {
      const entries = sortTextEntries(results.entries).slice(0, textRows)
      const most = entries[0]?.count ?? 1
      return keys.map((key, i) => {
        if (key === 'more') {
          const left = unlisted(results, textRows)
          return left
            ? {
                value: counted(left, 'more answer', 'more answers'),
                short: `+${left} more`,
              }
            : { value: '', short: '' }
        }
        const entry = entries[i]
        return entry
          ? {
              share: entry.count / most,
              value: String(entry.count),
              short: String(entry.count),
              text: entry.text,
            }
          : { value: '', short: '' }
      })
    }
  }
}

/**
 * A compared poll as rows and columns, for the poll page's bars and the appendix's table: each group's figures
 * (none at all for a group withheld from it), then the groups shown combined.
 */
export function comparedTable(poll: Poll, compared: PollComparison, groups: HandoutGroup[], minGroupSize: number, textRows: number): ComparedTable {
  const shown = groups.map(g => compared.bySession[g.label]!).filter((r): r is PollResults => !('withheld' in r || 'hidden' in r))
  const keys = rowKeys(poll, compared.combined, textRows, [...shown, compared.combined])
  const answers = (r: PollResults): string => counted(r.participants, 'answer', 'answers')
  return {
    rows: keys.map(key => row(poll, key)),
    unlabelled: poll.kind === 'text',
    columns: [
      ...groups.map((group): Column => {
        const results = compared.bySession[group.label]!
        return {
          name: group.name,
          code: group.name === group.label
            ? undefined
            : group.label,
          combined: false,
          ...('withheld' in results || 'hidden' in results
            ? {
                answers: fewerThan(minGroupSize),
                withheld: withheldText({ fewerThan: minGroupSize }),
                cells: null,
              }
            : {
                answers: answers(results),
                cells: cells(keys, results, textRows),
              }),
        }
      }),
      {
        name: 'All groups',
        answers: answers(compared.combined),
        combined: true,
        cells: cells(keys, compared.combined, textRows),
      },
    ],
  }
}

/** How many text groups a column does not list. */
function unlisted(results: PollResults, textRows: number): number {
  return results.kind === 'text'
    ? Math.max(0, results.entries.length - textRows) + results.moreEntries
    : 0
}
