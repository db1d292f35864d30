import type { Answer } from '../../polls/types.ts'
import type { KindCounting } from '../shared/logic.ts'
import type { RankingPoll, RankingResults } from './definition.ts'
import { summed } from '../shared/counting.ts'

/** Option ids by Borda points, best first; a tie keeps the poll's order. */
export function rankingOrder(ids: string[], scores: Record<string, number>): string[] {
  return [...ids].sort((a, b) => scores[b]! - scores[a]! || ids.indexOf(a) - ids.indexOf(b))
}

/** Borda points per option (of n options the first gets n−1, the last 0), and the order they give. */
export const counting: KindCounting<RankingPoll, RankingResults> = {
  count(poll, answers) {
    const ids = poll.options.map(o => o.id)
    const scores: Record<string, number> = Object.fromEntries(ids.map(id => [id, 0]))
    const change = (answer: Answer, by: number): void => (answer as string[]).forEach((id, position) => {
      if (id in scores)
        scores[id]! += by * (ids.length - 1 - position)
    })
    for (const answer of answers) change(answer, 1)
    return {
      add: answer => change(answer, 1),
      remove: answer => change(answer, -1),
      results: base => ({
        ...base,
        kind: 'ranking',
        scores: { ...scores },
        order: rankingOrder(ids, scores),
      }),
      textGroups: () => [],
    }
  },
  combine(poll, base, parts) {
    const ids = poll.options.map(o => o.id)
    const scores = summed(ids, parts.map(({ results }) => results.scores))
    return {
      ...base,
      kind: 'ranking',
      scores,
      order: rankingOrder(ids, scores),
    }
  },
  answerText: answer => (Array.isArray(answer)
    ? answer.join(' > ')
    : String(answer)),
}
