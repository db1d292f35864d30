import type { Answer, PollState, SessionInfo } from '../../polls/types.ts'
import type { StorageStatus } from './storageHealth.ts'

export interface VoteRecord {
  session: string
  poll: string
  participant: string
  answer: Answer
  at: number
  /** An open-text answer's moderationKey(): stored hidden if that key is hidden in its poll when it is stored. */
  key?: string
}

/** What became of a vote: kept off charts and exports (a moderated text), or not stored (its session is gone). */
export type StoredAs = 'visible' | 'hidden' | 'dropped'

export interface StoredAnswer {
  participant: string
  answer: Answer
}

export interface ExportRow {
  poll: string
  participant: string
  answer: Answer
  at: number
}

/** Where a page of exported rows ended: the next page begins after it. */
export interface RowCursor {
  poll: string
  /** The row's place in arrival order (it keeps it when its participant changes their answer). */
  seq: number
}

/** A page of a session's exported rows, and where the next begins (null: this was the last). */
export interface RowPage {
  rows: ExportRow[]
  next: RowCursor | null
}

export interface HiddenText {
  /** The moderation key; `text` is one answer as sent that reads as it. */
  key: string
  text: string
  count: number
}

/**
 * A change that another process sharing the database committed: what this process keeps in memory of it is
 * stale. Votes name their participants, so their answers can be read again alone; `resync` means changes may
 * have been missed (the connection that hears them was lost) and everything must be read again.
 */
export type StoreChange
  = | { type: 'votes', session: string, poll: string, participants: string[] }
    | { type: 'state' | 'reset' | 'moderation', session: string, poll: string }
    | { type: 'current' | 'deleted', session: string }
    | { type: 'retention' }
    | { type: 'resync' }

/**
 * Where polls keep their data: SQLite for one process (the embedded default), PostgreSQL for several acting as
 * one. Both implement this, and the same tests run on both (store.test.ts). Every write resolves only once it
 * is committed, and rejects with a StorageError when the database refuses it (full disk, read-only, gone).
 */
export interface Store {
  /** Where the data is, for messages: a file, or a PostgreSQL address without its password. */
  readonly location: string
  /** Whether other processes may change the data: if so, caches follow `onChange`. */
  readonly shared: boolean
  /** Rejects with a StorageError unless a write goes through now (read-only file, full disk, …). */
  checkWrites: () => Promise<void>
  /** Whether writes go through: a failed write makes it not-ok until one succeeds (tried at most once a second). */
  health: () => Promise<StorageStatus>
  /** Stores a batch of votes in one transaction (a participant's new answer replaces the old one), saying what became of each. */
  saveVotes: (records: VoteRecord[]) => Promise<StoredAs[]>
  /** A poll's visible answers. */
  answers: (session: string, poll: string) => Promise<StoredAnswer[]>
  /** These participants' visible answers as stored now (a hidden or erased one is absent). */
  answersOf: (session: string, poll: string, participants: string[]) => Promise<StoredAnswer[]>
  state: (session: string, poll: string) => Promise<PollState | undefined>
  setState: (session: string, poll: string, state: PollState) => Promise<void>
  /** Erases a poll's answers and the texts moderated in it. */
  resetVotes: (session: string, poll: string) => Promise<void>
  current: (session: string) => Promise<string | null>
  setCurrent: (session: string, poll: string | null) => Promise<void>
  /** Creates a workshop session; false when the code is taken. */
  createSession: (code: string, at: number) => Promise<boolean>
  sessions: () => Promise<SessionInfo[]>
  /** Names a workshop session (null: no name); false when there is no such session. */
  setSessionName: (code: string, name: string | null) => Promise<boolean>
  hasSession: (code: string) => Promise<boolean>
  /** Erases a session and everything answered in it. */
  deleteSession: (code: string) => Promise<void>
  /** Erases workshop sessions created, and default-session answers given and texts moderated, before `cutoff`; returns the sessions erased. */
  deleteOlderThan: (cutoff: number) => Promise<string[]>
  /**
   * The raw material of an export, a page at a time: a session's visible answers (only `poll`'s if given) by
   * poll id, each poll's in the order they were first given, at most `limit` after `after`. Keyset pages: each
   * costs the same however far into the session it is, and a row is read once even if its answer changes
   * between pages (it keeps its place; it is read as it stands when its page is read).
   */
  rowsPage: (session: string, after: RowCursor | null, limit: number, poll?: string) => Promise<RowPage>
  /** Hides every answer with this moderation key, and any sent later; returns the participants whose answers it hid. */
  hideAnswers: (session: string, poll: string, key: string, at: number) => Promise<string[]>
  /** Each hidden text of a poll, newest first, with one of its answers as sent and how many answers it keeps off the charts. */
  hiddenTexts: (session: string, poll: string) => Promise<HiddenText[]>
  /** Undoes hideAnswers: the text is no longer moderated, and its answers count again. Returns them. */
  unhideAnswers: (session: string, poll: string, key: string) => Promise<StoredAnswer[]>
  /** Changes committed by other processes sharing the database (none for SQLite, which one process owns). */
  onChange: (listener: (change: StoreChange) => void) => () => void
  close: () => Promise<void>
}
