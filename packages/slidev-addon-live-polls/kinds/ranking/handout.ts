import type { KindHandout } from '../shared/handout.ts'
import type { RankingPoll, RankingResults } from './definition.ts'
import { chart, counted } from '../shared/handout.ts'

/** The options in the session's order, numbered, with their Borda points. */
export const handout: KindHandout<RankingPoll, RankingResults> = {
  label: 'ranking, Borda points: of n options the first gets n−1, the last 0',
  comparedLabel: 'ranking: Borda points (of n options the first gets n−1, the last 0) · place in the group, in the combined order',
  comparedNote: 'place by Borda points',
  body(poll, results) {
    const best = Math.max(1, ...Object.values(results.scores))
    return chart(results.order.map((id, i) => ({
      label: `${i + 1}. ${poll.options.find(o => o.id === id)?.label ?? id}`,
      share: (results.scores[id] ?? 0) / best,
      value: counted(results.scores[id] ?? 0, 'point', 'points'),
    })))
  },
}
