import type { KindHandout } from '../shared/handout.ts'
import type { SinglePoll, SingleResults } from './definition.ts'
import { choiceHandout } from '../shared/choiceHandout.ts'

export const handout: KindHandout<SinglePoll, SingleResults> = choiceHandout({
  label: 'kinds.single.handout.label',
  comparedLabel: 'kinds.single.handout.compared',
})
