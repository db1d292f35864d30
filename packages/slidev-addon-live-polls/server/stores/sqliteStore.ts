import type { Answer, PollState, SessionInfo } from '../../polls/types.ts'
import type { DatabaseTimeouts } from './databaseTimeouts.ts'
import type { RowCursor, Store, StoredAnswer, StoredAs, VoteRecord } from './store.ts'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { moderationKey } from '../../polls/normalizeText.ts'
import { DEFAULT_TIMEOUTS } from './databaseTimeouts.ts'
import { asStorageError } from './storageError.ts'
import { createStorageHealth } from './storageHealth.ts'

const schema = `
CREATE TABLE IF NOT EXISTS votes (
  session     TEXT    NOT NULL,
  poll        TEXT    NOT NULL,
  participant TEXT    NOT NULL,
  answer      TEXT    NOT NULL, -- JSON
  at          INTEGER NOT NULL, -- ms since epoch of the latest answer
  hidden      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session, poll, participant)
);
CREATE TABLE IF NOT EXISTS poll_state (
  session  TEXT    NOT NULL,
  poll     TEXT    NOT NULL,
  open     INTEGER NOT NULL,
  revealed INTEGER NOT NULL,
  PRIMARY KEY (session, poll)
);
CREATE TABLE IF NOT EXISTS current_poll (
  session TEXT PRIMARY KEY,
  poll    TEXT
);
CREATE TABLE IF NOT EXISTS hidden_texts (
  session TEXT NOT NULL,
  poll    TEXT NOT NULL,
  text    TEXT NOT NULL, -- moderationKey() of the text
  PRIMARY KEY (session, poll, text)
);
CREATE TABLE IF NOT EXISTS sessions (
  code       TEXT    PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS write_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL -- ms since epoch of the latest check that writes go through
);
`

// Changes to a database made by an earlier version, in order; PRAGMA user_version counts those applied.
const migrations = [
  // Who has answered in each workshop session, counted as votes arrive: listing sessions must not scan every vote.
  `CREATE TABLE participants (
    session     TEXT NOT NULL,
    participant TEXT NOT NULL,
    PRIMARY KEY (session, participant)
  ) WITHOUT ROWID;
  ALTER TABLE sessions ADD COLUMN participants INTEGER NOT NULL DEFAULT 0;
  INSERT INTO participants SELECT DISTINCT v.session, v.participant FROM votes v JOIN sessions s ON s.code = v.session;
  UPDATE sessions SET participants = (SELECT COUNT(*) FROM participants p WHERE p.session = sessions.code);`,
  // When a text was last hidden or sent again, so that retention erases moderated texts with the answers.
  // Texts hidden before take the time of their poll's newest hidden answer: they go once those answers have.
  `ALTER TABLE hidden_texts ADD COLUMN at INTEGER NOT NULL DEFAULT 0;
  UPDATE hidden_texts SET at = COALESCE((SELECT MAX(v.at) FROM votes v WHERE v.session = hidden_texts.session AND v.poll = hidden_texts.poll AND v.hidden = 1), 0);`,
  // A short name a facilitator gives a workshop session, shown instead of its code in comparisons.
  `ALTER TABLE sessions ADD COLUMN name TEXT;`,
  // Exports read a poll's answers in pages, by arrival (the rowid, which an answer keeps when it changes).
  `CREATE INDEX IF NOT EXISTS votes_by_arrival ON votes (session, poll);`,
]

// Opening and migrating wait as long as it takes for another process's lock: that is start-up, not a vote.
const MIGRATION_BUSY_MS = 60_000

function open(path: string, lockMs: number): Database.Database {
  if (path !== ':memory:')
    mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    // WAL + NORMAL: a committed transaction survives a crash of this process (not of the OS) without an fsync per vote.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma(`busy_timeout = ${MIGRATION_BUSY_MS}`)
    // Erased answers are overwritten, not just unlinked: right to erasure means gone from the file.
    db.pragma('secure_delete = ON')
    db.exec(schema)
    db.transaction(() => {
      const applied = db.pragma('user_version', { simple: true }) as number
      migrations.slice(applied).forEach(sql => db.exec(sql))
      db.pragma(`user_version = ${migrations.length}`)
    })()
    // better-sqlite3 waits for a lock synchronously, holding the event loop: wait briefly, then refuse the write.
    db.pragma(`busy_timeout = ${Math.round(lockMs)}`)
    return db
  }
  catch (err) {
    db.close()
    throw err
  }
}

/**
 * The SQLite store, for one process (the embedded default): every statement parameterised, every vote batch one
 * transaction. A file that cannot be opened, is not a database or is corrupt throws a StorageError; so does any
 * write the file or disk refuses.
 */
export function createSqliteStore(path: string, timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS): Store & { db: Database.Database } {
  let db: Database.Database
  try {
    db = open(path, timeouts.lockMs)
  }
  catch (err) {
    throw asStorageError(path, err) ?? err
  }

  // Conditional on the session still existing: a vote queued as its session is erased is dropped, not stored.
  // Hidden-ness is decided here, in the transaction that stores the vote: a text hidden while its vote was
  // on its way (validated, waiting for the batch) is found, as no check made before the wait could.
  const upsertVote = db.prepare<Record<string, unknown>, { hidden: number }>(`
    INSERT INTO votes (session, poll, participant, answer, at, hidden)
    SELECT @session, @poll, @participant, @answer, @at,
      @key IS NOT NULL AND EXISTS (SELECT 1 FROM hidden_texts WHERE session = @session AND poll = @poll AND text = @key)
    WHERE @session = '' OR EXISTS (SELECT 1 FROM sessions WHERE code = @session)
    ON CONFLICT (session, poll, participant) DO UPDATE SET answer = excluded.answer, at = excluded.at, hidden = excluded.hidden
    RETURNING hidden`)
  const selectAnswers = db.prepare<[string, string], { participant: string, answer: string }>(
    'SELECT participant, answer FROM votes WHERE session = ? AND poll = ? AND hidden = 0',
  )
  const selectState = db.prepare<[string, string], { open: number, revealed: number }>(
    'SELECT open, revealed FROM poll_state WHERE session = ? AND poll = ?',
  )
  const upsertState = db.prepare(`
    INSERT INTO poll_state (session, poll, open, revealed) VALUES (?, ?, ?, ?)
    ON CONFLICT (session, poll) DO UPDATE SET open = excluded.open, revealed = excluded.revealed`)
  const deleteVotes = db.prepare('DELETE FROM votes WHERE session = ? AND poll = ?')
  const deleteHiddenTexts = db.prepare('DELETE FROM hidden_texts WHERE session = ? AND poll = ?')
  const selectCurrent = db.prepare<[string], { poll: string | null }>('SELECT poll FROM current_poll WHERE session = ?')
  const upsertCurrent = db.prepare(`
    INSERT INTO current_poll (session, poll) VALUES (?, ?) ON CONFLICT (session) DO UPDATE SET poll = excluded.poll`)

  const insertSession = db.prepare('INSERT INTO sessions (code, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const selectSessions = db.prepare<[], SessionInfo>(
    'SELECT code, created_at AS createdAt, participants, name FROM sessions ORDER BY created_at, code',
  )
  const updateName = db.prepare('UPDATE sessions SET name = ? WHERE code = ?')
  const insertParticipant = db.prepare(`
    INSERT OR IGNORE INTO participants (session, participant)
    SELECT @session, @participant WHERE EXISTS (SELECT 1 FROM sessions WHERE code = @session)`)
  const countParticipant = db.prepare('UPDATE sessions SET participants = participants + 1 WHERE code = ?')
  const selectSession = db.prepare<[string], { code: string }>('SELECT code FROM sessions WHERE code = ?')
  const selectOldSessions = db.prepare<[number], { code: string }>('SELECT code FROM sessions WHERE created_at < ?')
  const eraseTables = [
    'votes',
    'poll_state',
    'current_poll',
    'hidden_texts',
    'participants',
  ].map(table => db.prepare(`DELETE FROM ${table} WHERE session = ?`))
  const deleteSessionRow = db.prepare('DELETE FROM sessions WHERE code = ?')
  const deleteOldVotes = db.prepare('DELETE FROM votes WHERE session = ? AND at < ?')
  const deleteOldHiddenTexts = db.prepare('DELETE FROM hidden_texts WHERE session = ? AND at < ?')
  interface Row { poll: string, participant: string, answer: string, at: number, seq: number }
  // Keyset pages along votes_by_arrival (session, poll, rowid): a page reads its own rows and no others.
  const selectPage = db.prepare<Record<string, unknown>, Row>(`
    SELECT poll, participant, answer, at, rowid AS seq FROM votes INDEXED BY votes_by_arrival
    WHERE session = @session AND (poll, rowid) > (@poll, @seq) AND hidden = 0 ORDER BY poll, rowid LIMIT @limit`)
  const selectPollPage = db.prepare<Record<string, unknown>, Row>(`
    SELECT poll, participant, answer, at, rowid AS seq FROM votes INDEXED BY votes_by_arrival
    WHERE session = @session AND poll = @poll AND rowid > @seq AND hidden = 0 ORDER BY rowid LIMIT @limit`)
  const first: RowCursor = { poll: '', seq: Number.MIN_SAFE_INTEGER }
  const insertHiddenText = db.prepare(`
    INSERT INTO hidden_texts (session, poll, text, at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at`)
  const touchHiddenText = db.prepare('UPDATE hidden_texts SET at = @at WHERE session = @session AND poll = @poll AND text = @key')
  // Files written before moderation keys hold lower-cased texts there: re-key them once, so what was hidden stays hidden.
  db.function('moderation_key', { deterministic: true }, (text: string) => moderationKey(text))
  if (db.prepare('SELECT 1 FROM hidden_texts WHERE moderation_key(text) <> text LIMIT 1').get())
    db.exec('UPDATE OR REPLACE hidden_texts SET text = moderation_key(text) WHERE moderation_key(text) <> text')
  // Each hidden text of a poll, newest first, shown as one of its answers as sent (the key is a look-alike skeleton,
  // unreadable to a facilitator) and with how many answers it keeps off the charts.
  const selectHiddenTexts = db.prepare<[string, string], { key: string, text: string | null, count: number }>(`
    SELECT h.text AS key, MIN(json_extract(v.answer, '$')) AS text, COUNT(v.participant) AS count
    FROM hidden_texts h LEFT JOIN votes v
      ON v.session = h.session AND v.poll = h.poll AND v.hidden = 1 AND moderation_key(json_extract(v.answer, '$')) = h.text
    WHERE h.session = ? AND h.poll = ? GROUP BY h.text ORDER BY MAX(h.at) DESC, h.text`)
  const hideRows = db.prepare<[string, string, string], { participant: string }>(`
    UPDATE votes SET hidden = 1 WHERE session = ? AND poll = ? AND hidden = 0 AND moderation_key(json_extract(answer, '$')) = ?
    RETURNING participant`)
  const deleteHiddenText = db.prepare('DELETE FROM hidden_texts WHERE session = ? AND poll = ? AND text = ?')
  const showRows = db.prepare<[string, string, string], { participant: string, answer: string }>(`
    UPDATE votes SET hidden = 0 WHERE session = ? AND poll = ? AND hidden = 1 AND moderation_key(json_extract(answer, '$')) = ?
    RETURNING participant, answer`)

  const erase = db.transaction((code: string) => {
    for (const statement of eraseTables) statement.run(code)
    deleteSessionRow.run(code)
  })
  // Also empty the WAL, which would otherwise keep copies of the erased pages. Another process reading
  // the file (an export, the CLI) can keep it busy for a moment: wait a little, then say so.
  const checkpoint = (): void => {
    for (let attempt = 0; attempt < 25; attempt++) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
      if (!result?.busy)
        return
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    }
    console.warn(`${path}: the write-ahead log is in use by another reader; erased pages leave it at the next checkpoint`)
  }

  const saveVotes = db.transaction((records: VoteRecord[]): StoredAs[] => records.map((r) => {
    const stored = upsertVote.get({
      ...r,
      answer: JSON.stringify(r.answer),
      key: r.key ?? null,
    })
    if (!stored)
      return 'dropped'
    if (r.session && insertParticipant.run({ session: r.session, participant: r.participant }).changes)
      countParticipant.run(r.session)
    if (!stored.hidden)
      return 'visible'
    // A moderated text sent again stays moderated for as long as its newest copy is kept.
    touchHiddenText.run(r)
    return 'hidden'
  }))

  const writeCheck = db.prepare('INSERT INTO write_check (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at')
  const checkWrite = (): unknown => writeCheck.run(Date.now())
  const health = createStorageHealth(path, checkWrite)
  const { write } = health

  const parse = (rows: { participant: string, answer: string }[]): StoredAnswer[] => rows.map(row => ({
    participant: row.participant,
    answer: JSON.parse(row.answer) as Answer,
  }))
  const selectAnswer = db.prepare<[string, string, string], { participant: string, answer: string }>(
    'SELECT participant, answer FROM votes WHERE session = ? AND poll = ? AND participant = ? AND hidden = 0',
  )

  return {
    db,
    location: path,
    shared: false,
    async checkWrites() {
      try {
        checkWrite()
      }
      catch (err) {
        throw asStorageError(path, err) ?? err
      }
    },
    health: health.status,
    saveVotes: async records => write(() => saveVotes(records)),
    answers: async (session, poll) => parse(selectAnswers.all(session, poll)),
    answersOf: async (session, poll, participants) =>
      parse(participants.flatMap(p => selectAnswer.all(session, poll, p))),
    async state(session, poll) {
      const row = selectState.get(session, poll)
      return row && { open: row.open === 1, revealed: row.revealed === 1 }
    },
    async setState(session: string, poll: string, state: PollState) {
      await write(() => upsertState.run(session, poll, Number(state.open), Number(state.revealed)))
    },
    async resetVotes(session, poll) {
      await write(db.transaction(() => {
        deleteVotes.run(session, poll)
        deleteHiddenTexts.run(session, poll)
      }))
      await write(checkpoint)
    },
    current: async session => selectCurrent.get(session)?.poll ?? null,
    async setCurrent(session, poll) {
      await write(() => upsertCurrent.run(session, poll))
    },
    createSession: async (code, at) => (await write(() => insertSession.run(code, at))).changes === 1,
    sessions: async () => selectSessions.all(),
    setSessionName: async (code, name) => (await write(() => updateName.run(name, code))).changes === 1,
    hasSession: async code => selectSession.get(code) !== undefined,
    async deleteSession(code) {
      await write(() => erase(code))
      await write(checkpoint)
    },
    async deleteOlderThan(cutoff) {
      const old = selectOldSessions.all(cutoff).map(row => row.code)
      for (const code of old) await write(() => erase(code))
      await write(() => deleteOldVotes.run('', cutoff))
      await write(() => deleteOldHiddenTexts.run('', cutoff))
      await write(checkpoint)
      return old
    },
    async rowsPage(session, after, limit, poll) {
      const from = after ?? (poll === undefined
        ? first
        : { poll, seq: first.seq })
      const rows = (poll === undefined
        ? selectPage
        : selectPollPage).all({ session, ...from, limit })
      const last = rows.at(-1)
      return {
        rows: rows.map(({ seq: _, ...row }) => ({
          ...row,
          answer: JSON.parse(row.answer) as Answer,
        })),
        next: last && rows.length === limit
          ? { poll: last.poll, seq: last.seq }
          : null,
      }
    },
    hideAnswers: async (session, poll, key, at) => write(db.transaction(() => {
      insertHiddenText.run(session, poll, key, at)
      return hideRows.all(session, poll, key).map(row => row.participant)
    })),
    hiddenTexts: async (session, poll) => selectHiddenTexts.all(session, poll).map(row => ({ ...row, text: row.text ?? row.key })),
    unhideAnswers: async (session, poll, key) => write(db.transaction(() => {
      deleteHiddenText.run(session, poll, key)
      return parse(showRows.all(session, poll, key))
    })),
    // One process owns the file (databaseLock.ts): nobody else changes it.
    onChange: () => () => {},
    async close() {
      db.close()
    },
  }
}
