import type { KindTable } from '../shared/logic.ts'
import type { RankingPoll, RankingResults } from './definition.ts'
import { percent } from '../shared/counting.ts'

/** A row per option in the combined order: each group's Borda points and its place. */
export const table: KindTable<RankingPoll, RankingResults> = (poll, { combined, cellsOf }) => {
  // The combined order first, then any option nobody ranked yet, as the deck lists them.
  const order = [
    ...new Set([
      ...combined.order,
      ...poll.options.map(o => o.id),
    ]),
  ]
  return {
    figures: 'places',
    labelled: true,
    rows: order.map(id => ({
      id,
      label: poll.options.find(o => o.id === id)?.label ?? id,
      cells: cellsOf((results) => {
        const points = results.scores[id] ?? 0
        const best = Math.max(0, ...Object.values(results.scores))
        // A place is the option's position in the group's order: equal points keep the poll's order (1, 2, 3).
        const place = results.order.indexOf(id) + 1
        return {
          count: points,
          share: percent(points, best),
          place: place || undefined,
        }
      }),
    })),
  }
}
