import type { ChoiceResultsOf } from './choice.ts'
import type { ChoicePollShape } from './choiceCount.ts'
import type { KindHandout } from './handout.ts'
import { escapeHtml } from '../../cli/escapeHtml.ts'
import { chart, pct, referenceDetail } from './handout.ts'

interface ReferencedPoll<K extends string> extends ChoicePollShape<K> {
  referenceName?: string
  referenceLabel?: string
}

/** Single and multiple choice in the handout: a bar per option (answers · share), its reference figure marked. */
export function choiceHandout<K extends string>(labels: Pick<KindHandout<unknown, unknown>, 'label' | 'comparedLabel' | 'comparedNote'>): KindHandout<ReferencedPoll<K>, ChoiceResultsOf<K>> {
  return {
    ...labels,
    body(poll, results, m) {
      const of = results.participants
      return chart(poll.options.map((o) => {
        const n = results.counts[o.id] ?? 0
        return {
          label: o.label,
          detail: referenceDetail(poll, o, m),
          share: of
            ? n / of
            : 0,
          reference: o.reference === undefined
            ? undefined
            : o.reference / 100,
          value: `${m.number(n)} · ${pct(n, of, m)}`,
        }
      })) + (poll.referenceLabel
        ? `<p class="source"><span class="legend"></span>${escapeHtml(poll.referenceLabel)}</p>`
        : '')
    },
  }
}
