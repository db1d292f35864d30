import type { Answer } from '../../polls/types.ts'

// Counting shared by the kinds whose answers pick options (or points): a count per id.

/** A count per id, changed by an answer's ids (one, or a list). */
export function optionCounts(ids: string[]) {
  const counts: Record<string, number> = Object.fromEntries(ids.map(id => [id, 0]))
  const change = (answer: Answer, by: number): void => {
    for (const id of Array.isArray(answer)
      ? answer
      : [
          String(answer),
        ]) {
      if (id in counts)
        counts[id]! += by
    }
  }
  return { counts, change }
}

type Figures = Record<string, number>
/** Each id's figure summed over the groups' figures (counts or scores), in the poll's order. */
export function summed(ids: string[], figures: Figures[]): Figures {
  return Object.fromEntries(ids.map(id => [
    id,
    figures.reduce((sum, each) => sum + (each[id] ?? 0), 0),
  ]))
}

/** A whole percentage (0 of nobody). */
export function percent(count: number, of: number): number {
  return of
    ? Math.round((count / of) * 100)
    : 0
}
