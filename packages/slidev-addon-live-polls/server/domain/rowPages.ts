import type { ExportRow, RowCursor, Store } from '../stores/store.ts'
import { setImmediate as nextTurn } from 'node:timers/promises'

/** Rows an export reads at once: about a millisecond of the event loop's time on SQLite, ~60 KB of CSV. */
export const EXPORT_PAGE_ROWS = 500

/**
 * A session's exported rows (only `poll`'s if given), a page at a time, with the event loop let through between
 * pages: phones' votes wait for no export, and no export holds more than a page of rows.
 */
export async function* rowPages(store: Pick<Store, 'rowsPage'>, session: string, poll?: string): AsyncGenerator<ExportRow[]> {
  let after: RowCursor | null = null
  do {
    const page = await store.rowsPage(session, after, EXPORT_PAGE_ROWS, poll)
    if (page.rows.length)
      yield page.rows
    after = page.next
    if (after)
      await nextTurn()
  } while (after)
}
