import type { KindTraits } from '../shared/traits.ts'
import type { RankingPoll } from './definition.ts'
import { optionLabels } from '../shared/traits.ts'

export const traits: KindTraits<RankingPoll> = {
  moderated: false,
  preview: optionLabels,
}
