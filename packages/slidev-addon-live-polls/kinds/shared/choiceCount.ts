import type { ChoiceResultsOf } from './choice.ts'
import type { PollOption } from './definition.ts'
import type { KindCounting } from './logic.ts'
import { optionCounts, summed } from './counting.ts'

export interface ChoicePollShape<K extends string> {
  kind: K
  options: PollOption[]
}

/** Single and multiple choice: a count per option. */
export function choiceCounting<K extends string>(kind: K): KindCounting<ChoicePollShape<K>, ChoiceResultsOf<K>> {
  return {
    count(poll, answers) {
      const { counts, change } = optionCounts(poll.options.map(o => o.id))
      for (const answer of answers) change(answer, 1)
      return {
        add: answer => change(answer, 1),
        remove: answer => change(answer, -1),
        results: base => ({
          ...base,
          kind,
          counts: { ...counts },
        }),
        textGroups: () => [],
      }
    },
    combine: (poll, base, parts) => ({
      ...base,
      kind,
      counts: summed(poll.options.map(o => o.id), parts.map(({ results }) => results.counts)),
    }),
    answerText: answer => (Array.isArray(answer)
      ? answer.join('; ')
      : String(answer)),
  }
}
