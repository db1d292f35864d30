import type { PoolClient } from 'pg'

// Changes to the schema in order; the schema_version table counts those applied. Every process runs this at
// start, under an advisory lock, so several starting at once migrate once.
const migrations = [
  `CREATE TABLE votes (
    session     TEXT    NOT NULL,
    poll        TEXT    NOT NULL,
    participant TEXT    NOT NULL,
    answer      JSONB   NOT NULL,
    at          BIGINT  NOT NULL, -- ms since epoch of the latest answer
    hidden      BOOLEAN NOT NULL DEFAULT false,
    key         TEXT, -- an open-text answer's moderationKey()
    seq         BIGINT  GENERATED ALWAYS AS IDENTITY, -- arrival order, for exports
    PRIMARY KEY (session, poll, participant)
  );
  CREATE TABLE poll_state (
    session  TEXT    NOT NULL,
    poll     TEXT    NOT NULL,
    open     BOOLEAN NOT NULL,
    revealed BOOLEAN NOT NULL,
    PRIMARY KEY (session, poll)
  );
  CREATE TABLE current_poll (
    session TEXT PRIMARY KEY,
    poll    TEXT
  );
  CREATE TABLE hidden_texts (
    session TEXT   NOT NULL,
    poll    TEXT   NOT NULL,
    text    TEXT   NOT NULL, -- moderationKey() of the text
    at      BIGINT NOT NULL, -- when it was last hidden or sent again
    PRIMARY KEY (session, poll, text)
  );
  CREATE TABLE sessions (
    code         TEXT    PRIMARY KEY,
    created_at   BIGINT  NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0 -- counted as they first answer: listing sessions reads no votes
  );
  -- Who has answered in each workshop session, so that each is counted once.
  CREATE TABLE participants (
    session     TEXT NOT NULL,
    participant TEXT NOT NULL,
    PRIMARY KEY (session, participant)
  );
  CREATE TABLE write_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at BIGINT  NOT NULL
  );`,
  // A short name a facilitator gives a workshop session, shown instead of its code in comparisons.
  `ALTER TABLE sessions ADD COLUMN name TEXT;`,
  // Exports read a poll's answers in pages, by arrival (seq, which an answer keeps when it changes).
  `CREATE INDEX votes_by_arrival ON votes (session, poll, seq);`,
]

// Any fixed number, the same in every process: pg_advisory_xact_lock takes a bigint.
const MIGRATION_LOCK = 7_301_532_814

async function version(client: PoolClient): Promise<number> {
  const { rows: [table] } = await client.query<{ present: boolean }>('SELECT to_regclass(\'schema_version\') IS NOT NULL AS present')
  if (!table?.present)
    return 0
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version')
  return rows[0]?.version ?? 0
}

/**
 * Creates the schema, or brings one made by an earlier version up to date, in one transaction. A schema that is
 * up to date is only read: a reader (`npm run results`) may connect as a read-only user or with read-only transactions.
 */
export async function migrate(client: PoolClient): Promise<void> {
  if (await version(client) >= migrations.length)
    return
  await client.query('BEGIN')
  try {
    // Exempt from DB_STATEMENT_TIMEOUT and DB_LOCK_TIMEOUT: a migration runs once, at start, and may rightly take long.
    await client.query('SET LOCAL statement_timeout = 0')
    await client.query('SET LOCAL lock_timeout = 0')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const applied = await version(client)
    for (const sql of migrations.slice(applied)) await client.query(sql)
    await client.query('DELETE FROM schema_version')
    await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length])
    await client.query('COMMIT')
  }
  catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  }
}
