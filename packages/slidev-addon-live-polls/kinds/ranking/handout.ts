import type { KindHandout } from '../shared/handout.ts'
import type { RankingPoll, RankingResults } from './definition.ts'
import { chart } from '../shared/handout.ts'

/** The options in the session's order, numbered, with their Borda points. */
export const handout: KindHandout<RankingPoll, RankingResults> = {
  label: 'kinds.ranking.handout.label',
  comparedLabel: 'kinds.ranking.handout.compared',
  comparedNote: 'kinds.ranking.handout.note',
  body(poll, results, m) {
    const best = Math.max(1, ...Object.values(results.scores))
    return chart(results.order.map((id, i) => ({
      label: `${i + 1}. ${poll.options.find(o => o.id === id)?.label ?? id}`,
      share: (results.scores[id] ?? 0) / best,
      value: m.t('handout.points', { n: results.scores[id] ?? 0 }),
    })))
  },
}
