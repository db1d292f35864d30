import type { PollKind, PollOf, ResultsByKind } from './definitions.ts'
import type { KindTable } from './shared/logic.ts'
import { table as multiple } from './multiple/table.ts'
import { table as ranking } from './ranking/table.ts'
import { table as scale } from './scale/table.ts'
import { table as single } from './single/table.ts'
import { table as text } from './text/table.ts'

// The comparison tables' entry (console, projector and handout): each kind's rows.

export const tables: { [K in PollKind]: KindTable<PollOf<K>, ResultsByKind[K]> } = {
  single,
  multiple,
  scale,
  text,
  ranking,
}
