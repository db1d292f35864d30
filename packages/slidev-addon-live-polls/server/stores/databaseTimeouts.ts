/**
 * How long a statement may run and wait for a lock (DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT): a stuck database
 * refuses a vote, which the phone sends again, instead of holding it and its acknowledgement for as long as it is
 * stuck. Migrations and VACUUM are exempt: they may rightly take long, and are not on a phone's path.
 */
export interface DatabaseTimeouts {
  /** PostgreSQL's statement_timeout, in ms. SQLite runs statements in-process and has none. */
  statementMs: number
  /** PostgreSQL's lock_timeout, and SQLite's busy wait for the file's write lock, in ms. */
  lockMs: number
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { statementMs: 10_000, lockMs: 3_000 }
