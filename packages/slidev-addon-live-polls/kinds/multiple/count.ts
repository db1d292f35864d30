import { choiceCounting } from '../shared/choiceCount.ts'

export const counting = choiceCounting('multiple')
