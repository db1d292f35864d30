import type { KindHandout } from '../shared/handout.ts'
import type { SinglePoll, SingleResults } from './definition.ts'
import { choiceHandout } from '../shared/choiceHandout.ts'

export const handout: KindHandout<SinglePoll, SingleResults> = choiceHandout({
  label: 'single choice',
  comparedLabel: 'single choice: answers · share of the group',
})
