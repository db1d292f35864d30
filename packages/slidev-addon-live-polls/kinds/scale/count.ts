import type { KindCounting } from '../shared/logic.ts'
import type { ScalePoll, ScaleResults } from './definition.ts'
import { optionCounts, summed } from '../shared/counting.ts'
import { scalePoints } from './points.ts'

function mean(sum: number, participants: number): number | null {
  return participants
    ? Math.round((sum / participants) * 100) / 100
    : null
}

/** A count per point of the scale, and the mean. */
export const counting: KindCounting<ScalePoll, ScaleResults> = {
  count(poll, answers) {
    const { counts, change } = optionCounts(scalePoints(poll).map(String))
    let sum = 0
    const add = (answer: number | string | string[]): void => {
      change(answer, 1)
      sum += Number(answer)
    }
    for (const answer of answers) add(answer)
    return {
      add,
      remove(answer) {
        change(answer, -1)
        sum -= Number(answer)
      },
      results: base => ({
        ...base,
        kind: 'scale',
        counts: { ...counts },
        mean: mean(sum, base.participants),
      }),
      textGroups: () => [],
    }
  },
  combine(poll, base, parts) {
    const points = scalePoints(poll)
    const byPoint = summed(points.map(String), parts.map(({ results }) => results.counts))
    // Whole points: the sum is exact whatever order it is added in, as counting's is.
    const sum = points.reduce((total, point) => total + point * byPoint[point]!, 0)
    return {
      ...base,
      kind: 'scale',
      counts: byPoint,
      mean: mean(sum, base.participants),
    }
  },
  answerText: answer => String(answer),
}
