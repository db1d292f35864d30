import type { KindHandout } from '../shared/handout.ts'
import type { MultiplePoll, MultipleResults } from './definition.ts'
import { choiceHandout } from '../shared/choiceHandout.ts'

export const handout: KindHandout<MultiplePoll, MultipleResults> = choiceHandout({
  label: 'multiple choice: shares of participants, adding up to more than 100%',
  comparedLabel: 'multiple choice: answers · share of the group\'s participants, adding up to more than 100%',
  comparedNote: 'shares of participants',
})
