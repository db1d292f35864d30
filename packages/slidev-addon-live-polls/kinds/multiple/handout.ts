import type { KindHandout } from '../shared/handout.ts'
import type { MultiplePoll, MultipleResults } from './definition.ts'
import { choiceHandout } from '../shared/choiceHandout.ts'

export const handout: KindHandout<MultiplePoll, MultipleResults> = choiceHandout({
  label: 'kinds.multiple.handout.label',
  comparedLabel: 'kinds.multiple.handout.compared',
  comparedNote: 'kinds.multiple.handout.note',
})
