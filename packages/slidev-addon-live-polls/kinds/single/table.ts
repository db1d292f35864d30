import type { ChoiceResultsOf } from '../shared/choice.ts'
import type { ChoicePollShape } from '../shared/choiceCount.ts'
import type { KindTable } from '../shared/logic.ts'
import { choiceTable } from '../shared/choiceTable.ts'

export const table: KindTable<ChoicePollShape<'single'>, ChoiceResultsOf<'single'>> = choiceTable()
