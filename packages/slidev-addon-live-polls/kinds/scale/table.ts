import type { KindTable } from '../shared/logic.ts'
import type { ScalePoll, ScaleResults } from './definition.ts'
import { percent } from '../shared/counting.ts'
import { scalePoints } from './points.ts'

/** A row per point of the scale (answers · share of the group), and each column's mean. */
export const table: KindTable<ScalePoll, ScaleResults> = (poll, { columns, cellsOf }) => ({
  figures: 'shares',
  labelled: true,
  rows: scalePoints(poll).map(point => ({
    id: String(point),
    label: point === poll.min
      ? `${point} · ${poll.minLabel}`
      : point === poll.max
        ? `${point} · ${poll.maxLabel}`
        : String(point),
    cells: cellsOf((results) => {
      const count = results.counts[point] ?? 0
      return {
        count,
        share: percent(count, results.participants),
      }
    }),
  })),
  means: columns.map(column => (column.results?.kind === poll.kind
    ? (column.results as ScaleResults).mean
    : null)),
})
