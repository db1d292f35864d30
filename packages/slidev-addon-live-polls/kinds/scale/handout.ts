import type { KindHandout } from '../shared/handout.ts'
import type { ScalePoll, ScaleResults } from './definition.ts'
import { chart, pct } from '../shared/handout.ts'

/** A bar per point (both ends labelled), then the mean. */
export const handout: KindHandout<ScalePoll, ScaleResults> = {
  label: 'kinds.scale.handout.label',
  comparedLabel: 'kinds.scale.handout.compared',
  body(poll, results, m) {
    const of = results.participants
    const ends: Record<number, string> = { [poll.min]: poll.minLabel, [poll.max]: poll.maxLabel }
    return `${chart(Object.entries(results.counts).map(([point, n]) => ({
      label: ends[Number(point)]
        ? `${point} · ${ends[Number(point)]}`
        : point,
      share: of
        ? n / of
        : 0,
      value: `${m.number(n)} · ${pct(n, of, m)}`,
    })))}<p class="total">${m.t('slide.mean', { mean: results.mean ?? '–' })}</p>`
  },
}
