import type { KindHandout } from '../shared/handout.ts'
import type { ScalePoll, ScaleResults } from './definition.ts'
import { chart, pct } from '../shared/handout.ts'

/** A bar per point (both ends labelled), then the mean. */
export const handout: KindHandout<ScalePoll, ScaleResults> = {
  label: 'scale',
  comparedLabel: 'scale: answers · share per point, and the mean',
  body(poll, results) {
    const of = results.participants
    const ends: Record<number, string> = { [poll.min]: poll.minLabel, [poll.max]: poll.maxLabel }
    return `${chart(Object.entries(results.counts).map(([point, n]) => ({
      label: ends[Number(point)]
        ? `${point} · ${ends[Number(point)]}`
        : point,
      share: of
        ? n / of
        : 0,
      value: `${n} · ${pct(n, of)}`,
    })))}<p class="total">Mean: ${results.mean ?? '–'}</p>`
  },
}
