import type { KindTraits } from '../shared/traits.ts'
import type { SinglePoll } from './definition.ts'
import { optionLabels } from '../shared/traits.ts'

export const traits: KindTraits<SinglePoll> = {
  moderated: false,
  preview: optionLabels,
}
