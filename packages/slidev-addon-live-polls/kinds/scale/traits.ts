import type { KindTraits } from '../shared/traits.ts'
import type { ScalePoll } from './definition.ts'

export const traits: KindTraits<ScalePoll> = {
  moderated: false,
  /** Its ends: "1 = Strongly disagree … 5 = Strongly agree". */
  preview: poll => `${poll.min} = ${poll.minLabel} … ${poll.max} = ${poll.maxLabel}`,
}
