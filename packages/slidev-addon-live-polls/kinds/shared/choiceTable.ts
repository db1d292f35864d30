import type { ChoiceResultsOf } from './choice.ts'
import type { ChoicePollShape } from './choiceCount.ts'
import type { KindTable } from './logic.ts'
import { percent } from './counting.ts'

/** A row per option: answers · share of the group's participants (adding up to more than 100% for multiple). */
export function choiceTable<K extends string>(): KindTable<ChoicePollShape<K>, ChoiceResultsOf<K>> {
  return (poll, { cellsOf }) => ({
    figures: 'shares',
    labelled: true,
    rows: poll.options.map(option => ({
      id: option.id,
      label: option.label,
      cells: cellsOf((results) => {
        const count = results.counts[option.id] ?? 0
        return {
          count,
          share: percent(count, results.participants),
        }
      }),
    })),
  })
}
