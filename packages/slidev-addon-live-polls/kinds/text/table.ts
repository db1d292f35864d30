// Each column's answers in the order counted (most frequent first, then by key, as the console and the
// projector list them; the handout follows), the first `textsShown`.
import type { KindTable } from '../shared/logic.ts'
import type { TextPoll, TextResults } from './definition.ts'

export const table: KindTable<TextPoll, TextResults> = (poll, { columns, textsShown }) => ({
  figures: 'texts',
  labelled: false,
  rows: [],
  texts: columns.map((column) => {
    const results = column.results?.kind === poll.kind
      ? column.results as TextResults
      : null
    return results && {
      entries: results.entries.slice(0, textsShown),
      more: Math.max(0, results.entries.length - textsShown) + results.moreEntries,
    }
  }),
})
