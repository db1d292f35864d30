import type { KindTraits } from '../shared/traits.ts'
import type { MultiplePoll } from './definition.ts'
import { optionLabels } from '../shared/traits.ts'

export const traits: KindTraits<MultiplePoll> = {
  moderated: false,
  preview: optionLabels,
}
