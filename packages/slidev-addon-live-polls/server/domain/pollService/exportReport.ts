import type { Poll } from '../../../polls/types.ts'
import type { Store } from '../../stores/store.ts'
import type { PollReads } from './pollReads.ts'
import { csvPieces, exportDocument } from '../exportResults.ts'
import { rowPages } from '../rowPages.ts'

/** A session's answers as downloads: both read as they are written, so neither is ever held whole. */
export interface ExportReport {
  /** A session's answers as CSV, in pieces as its rows are read (writePieces sends them), poll after poll. */
  exportCsv: (session: string) => AsyncIterable<string>
  /** A session's export as a document for jsonPieces: each poll's results read as it is written, its answers a page at a time. */
  exportJson: (session: string) => ReturnType<typeof exportDocument>
}

/** A session's rows of these polls, poll after poll in the deck's order, a page at a time. */
export async function* pollPages(store: Store, session: string, which: Poll[]) {
  for (const { id } of which) yield* rowPages(store, session, id)
}

export function createExportReport(store: Store, polls: Poll[], reads: Pick<PollReads, 'fullResults'>): ExportReport {
  return {
    exportCsv: session => csvPieces([
      {
        session,
        pages: pollPages(store, session, polls),
      },
    ], polls),
    exportJson: session => exportDocument(session, polls, id => reads.fullResults(session, id), id => rowPages(store, session, id)),
  }
}
