import type { PoolClient } from 'pg'
import type { Answer } from '../../polls/types.ts'
import type { DatabaseTimeouts } from './databaseTimeouts.ts'
import type { Store, StoreChange, StoredAnswer, StoredAs } from './store.ts'
import pg from 'pg'
import { DEFAULT_TIMEOUTS } from './databaseTimeouts.ts'
import { createChangeFeed } from './postgresChanges.ts'
import { migrate } from './postgresSchema.ts'
import { asStorageError } from './storageError.ts'
import { createStorageHealth } from './storageHealth.ts'

// Deadlock and serialisation failures: the transaction is tried again, as PostgreSQL advises.
const RETRY = new Set(['40P01', '40001'])

/**
 * A pooled connection that the server ended (a restart, an administrator, a failover) fails its next statement
 * before doing anything: that statement is tried again, on a fresh connection.
 */
function lostConnection(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown, message?: unknown }
  return (typeof code === 'string' && (code.startsWith('57P0') || code.startsWith('08')))
    || /^Connection terminated|^Client has encountered a connection error/.test(String(message))
}

/** `run`, tried again (twice at most: the pool may hold more than one connection the server ended) if its connection was gone. */
async function onLiveConnection<T>(run: () => Promise<T>, attempt = 1): Promise<T> {
  try {
    return await run()
  }
  catch (err) {
    if (attempt === 3 || !lostConnection(err))
      throw err
    return onLiveConnection(run, attempt + 1)
  }
}
// The tables erasure deletes from: VACUUM takes the deleted rows out of them (and their indexes) at once.
const ERASED_TABLES = 'votes, poll_state, current_poll, hidden_texts, participants, sessions'

/** The address without its password, for messages and logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.toString()
  }
  catch {
    return 'the PostgreSQL database'
  }
}

/**
 * The PostgreSQL store, for several processes acting as one (`DATABASE_URL`). Every statement parameterised; a
 * vote batch is one transaction, resolved once committed; every change notifies the other processes in the
 * same transaction (postgresChanges.ts). The schema is created or migrated at start.
 */
export async function createPostgresStore(url: string, log: (line: string) => void = console.error, timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS): Promise<Store> {
  const location = redact(url)
  const fail = (err: unknown): unknown => asStorageError(location, err) ?? err
  // Every statement on a pooled connection is bounded, set as the connection starts (the server cancels it):
  // a locked table or a stuck server refuses a vote in time instead of holding it (issue 18).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    statement_timeout: Math.round(timeouts.statementMs),
    lock_timeout: Math.round(timeouts.lockMs),
  })
  // A pooled connection that breaks while idle must not bring the process down: the next query finds out.
  pool.on('error', () => {})
  let schema: string
  let feed: Awaited<ReturnType<typeof createChangeFeed>>
  try {
    const client = await pool.connect()
    // As in transactions: a connection cut meanwhile fails the statement, and must not end the process.
    const ignore = (): void => {}
    client.on('error', ignore)
    try {
      await migrate(client)
      schema = (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema
    }
    finally {
      client.off('error', ignore)
      client.release()
    }
    feed = await createChangeFeed({ connectionString: url }, schema, log)
  }
  catch (err) {
    await pool.end().catch(() => {})
    throw fail(err)
  }

  async function transaction<T>(run: (tx: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const tx = await pool.connect()
      let broken: unknown
      // A connection cut while checked out (the server restarting, an administrator) emits an error of its
      // own; without a listener that would end the process. Its query fails too, and that is what counts.
      const onError = (err: unknown): void => {
        broken ??= err
      }
      tx.on('error', onError)
      try {
        await tx.query('BEGIN')
        const result = await run(tx)
        await tx.query('COMMIT')
        return result
      }
      catch (err) {
        broken = err
        await tx.query('ROLLBACK').catch(() => {})
        if (attempt < 3 && (RETRY.has((err as { code?: string }).code ?? '') || lostConnection(err)))
          continue
        throw err
      }
      finally {
        tx.off('error', onError)
        // A connection that failed mid-transaction is not put back in the pool.
        tx.release(broken !== undefined && !RETRY.has((broken as { code?: string }).code ?? ''))
      }
    }
  }
  const query = async <R extends object>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await onLiveConnection(() => pool.query<R>(sql, params))).rows
  /** A change, committed with what the others are told of it. */
  const change = (run: (tx: PoolClient) => Promise<unknown>, ...changes: StoreChange[]): Promise<void> =>
    transaction(async (tx) => {
      await run(tx)
      for (const c of changes) await feed.publish(tx, c)
    }).then(() => {})
  // VACUUM may rightly take long on a big table: exempt from the timeouts, which its connection then gets back.
  const vacuum = (): Promise<unknown> => onLiveConnection(async () => {
    const client = await pool.connect()
    const ignore = (): void => {}
    client.on('error', ignore)
    let reset = false
    try {
      await client.query('SET statement_timeout = 0; SET lock_timeout = 0')
      await client.query(`VACUUM ${ERASED_TABLES}`)
      await client.query('RESET statement_timeout; RESET lock_timeout')
      reset = true
    }
    finally {
      client.off('error', ignore)
      // One that may still be without them is not put back.
      client.release(!reset)
    }
  })

  const checkWrite = (): Promise<unknown> => query('INSERT INTO write_check (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at', [
    Date.now(),
  ])
  const health = createStorageHealth(location, checkWrite, log)
  // Reads fail as writes do when the server is gone: one StorageError, never a raw driver error.
  const read = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    }
    catch (err) {
      throw fail(err)
    }
  }
  const { write } = health
  interface Row { poll: string, participant: string, answer: Answer, at: string, seq: string }

  async function erase(tx: PoolClient, code: string): Promise<void> {
    for (const table of [
      'votes',
      'poll_state',
      'current_poll',
      'hidden_texts',
      'participants',
    ])
      await tx.query(`DELETE FROM ${table} WHERE session = $1`, [code])
    await tx.query('DELETE FROM sessions WHERE code = $1', [code])
  }

  return {
    location,
    shared: true,
    async checkWrites() {
      await read(checkWrite)
    },
    health: health.status,

    saveVotes: records => write(() => transaction(async (tx) => {
      // A participant's latest answer in the batch wins (one statement may not update a row twice).
      const { rows } = await tx.query<{ session: string, poll: string, participant: string, hidden: boolean }>(`
        WITH given AS (
          SELECT DISTINCT ON (session, poll, participant) *
          FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bigint[], $6::text[])
            WITH ORDINALITY AS g (session, poll, participant, answer, at, key, n)
          ORDER BY session, poll, participant, n DESC
        )
        INSERT INTO votes (session, poll, participant, answer, at, key, hidden)
        SELECT g.session, g.poll, g.participant, g.answer, g.at, g.key,
          g.key IS NOT NULL AND EXISTS (SELECT 1 FROM hidden_texts h WHERE h.session = g.session AND h.poll = g.poll AND h.text = g.key)
        FROM given g
        -- A vote whose session was erased while it waited is dropped, not stored.
        WHERE g.session = '' OR EXISTS (SELECT 1 FROM sessions s WHERE s.code = g.session)
        ON CONFLICT (session, poll, participant) DO UPDATE
          SET answer = excluded.answer, at = excluded.at, key = excluded.key, hidden = excluded.hidden
        RETURNING session, poll, participant, hidden`, [
        records.map(r => r.session),
        records.map(r => r.poll),
        records.map(r => r.participant),
        records.map(r => JSON.stringify(r.answer)),
        records.map(r => r.at),
        records.map(r => r.key ?? null),
      ])
      const stored = new Map(rows.map(row => [`${row.session}\n${row.poll}\n${row.participant}`, row]))
      await tx.query(`
        WITH first AS (
          INSERT INTO participants (session, participant)
          SELECT DISTINCT session, participant FROM unnest($1::text[], $2::text[]) AS p (session, participant)
          WHERE session <> '' ON CONFLICT DO NOTHING
          RETURNING session
        )
        UPDATE sessions s SET participants = s.participants + f.n
        FROM (SELECT session, count(*)::int AS n FROM first GROUP BY session) f WHERE s.code = f.session`, [
        rows.map(r => r.session),
        rows.map(r => r.participant),
      ])
      // A moderated text sent again stays moderated for as long as its newest copy is kept.
      for (const r of records) {
        if (r.key !== undefined && stored.get(`${r.session}\n${r.poll}\n${r.participant}`)?.hidden)
          await tx.query('UPDATE hidden_texts SET at = $4 WHERE session = $1 AND poll = $2 AND text = $3', [r.session, r.poll, r.key, r.at])
      }
      const byPoll = new Map<string, { session: string, poll: string, participants: string[] }>()
      for (const row of rows) {
        const key = `${row.session}\n${row.poll}`
        const entry = byPoll.get(key) ?? { session: row.session, poll: row.poll, participants: [] }
        entry.participants.push(row.participant)
        byPoll.set(key, entry)
      }
      for (const entry of byPoll.values()) await feed.publish(tx, { type: 'votes', ...entry })
      return records.map((r): StoredAs => {
        const row = stored.get(`${r.session}\n${r.poll}\n${r.participant}`)
        return !row
          ? 'dropped'
          : row.hidden
            ? 'hidden'
            : 'visible'
      })
    })),

    answers: (session, poll) => read(() => query<StoredAnswer>(
      'SELECT participant, answer FROM votes WHERE session = $1 AND poll = $2 AND NOT hidden',
      [session, poll],
    )),
    answersOf: (session, poll, participants) => read(() => query<StoredAnswer>(
      'SELECT participant, answer FROM votes WHERE session = $1 AND poll = $2 AND participant = ANY($3) AND NOT hidden',
      [session, poll, participants],
    )),
    state: (session, poll) => read(async () => (await query<{ open: boolean, revealed: boolean }>(
      'SELECT open, revealed FROM poll_state WHERE session = $1 AND poll = $2',
      [session, poll],
    ))[0]),
    setState: (session, poll, state) => write(() => change(tx => tx.query(`
      INSERT INTO poll_state (session, poll, open, revealed) VALUES ($1, $2, $3, $4)
      ON CONFLICT (session, poll) DO UPDATE SET open = excluded.open, revealed = excluded.revealed`, [
      session,
      poll,
      state.open,
      state.revealed,
    ]), { type: 'state', session, poll })),
    resetVotes: async (session, poll) => {
      await write(() => change(async (tx) => {
        await tx.query('DELETE FROM votes WHERE session = $1 AND poll = $2', [session, poll])
        await tx.query('DELETE FROM hidden_texts WHERE session = $1 AND poll = $2', [session, poll])
      }, { type: 'reset', session, poll }))
      await write(vacuum)
    },
    current: session => read(async () => (await query<{ poll: string | null }>('SELECT poll FROM current_poll WHERE session = $1', [session]))[0]?.poll ?? null),
    setCurrent: (session, poll) => write(() => change(tx => tx.query(`
      INSERT INTO current_poll (session, poll) VALUES ($1, $2) ON CONFLICT (session) DO UPDATE SET poll = excluded.poll`, [session, poll]), { type: 'current', session })),
    createSession: (code, at) => write(async () => (await onLiveConnection(() => pool.query(
      'INSERT INTO sessions (code, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [code, at],
    ))).rowCount === 1),
    sessions: () => read(async () => (await query<{ code: string, createdAt: string, participants: number, name: string | null }>(`
      SELECT code, created_at AS "createdAt", participants, name FROM sessions ORDER BY created_at, code`)).map(row => ({
      ...row,
      createdAt: Number(row.createdAt),
    }))),
    setSessionName: (code, name) => write(async () => (await onLiveConnection(() => pool.query('UPDATE sessions SET name = $1 WHERE code = $2', [name, code]))).rowCount === 1),
    hasSession: code => read(async () => (await query('SELECT 1 FROM sessions WHERE code = $1', [code])).length > 0),
    async deleteSession(code) {
      await write(() => change(tx => erase(tx, code), { type: 'deleted', session: code }))
      await write(vacuum)
    },
    async deleteOlderThan(cutoff) {
      const old = (await read(() => query<{ code: string }>('SELECT code FROM sessions WHERE created_at < $1', [cutoff]))).map(row => row.code)
      for (const code of old) await write(() => change(tx => erase(tx, code), { type: 'deleted', session: code }))
      await write(() => change(async (tx) => {
        await tx.query('DELETE FROM votes WHERE session = \'\' AND at < $1', [cutoff])
        await tx.query('DELETE FROM hidden_texts WHERE session = \'\' AND at < $1', [cutoff])
      }, { type: 'retention' }))
      await write(vacuum)
      return old
    },
    async rowsPage(session, after, limit, poll) {
      // Keyset pages along votes_by_arrival (session, poll, seq): a page reads its own rows and no others.
      const rows = await read(() => poll === undefined
        ? query<Row>(`SELECT poll, participant, answer, at, seq FROM votes
            WHERE session = $1 AND (poll, seq) > ($2, $3) AND NOT hidden ORDER BY poll, seq LIMIT $4`, [
            session,
            after?.poll ?? '',
            after?.seq ?? -1,
            limit,
          ])
        : query<Row>(`SELECT poll, participant, answer, at, seq FROM votes
            WHERE session = $1 AND poll = $2 AND seq > $3 AND NOT hidden ORDER BY seq LIMIT $4`, [session, poll, after?.seq ?? -1, limit]))
      const last = rows.at(-1)
      return {
        rows: rows.map(({ seq: _, ...row }) => ({
          ...row,
          at: Number(row.at),
        })),
        next: last && rows.length === limit
          ? {
              poll: last.poll,
              seq: Number(last.seq),
            }
          : null,
      }
    },
    hideAnswers: (session, poll, key, at) => write(() => transaction(async (tx) => {
      await tx.query(`INSERT INTO hidden_texts (session, poll, text, at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (session, poll, text) DO UPDATE SET at = excluded.at`, [session, poll, key, at])
      const { rows } = await tx.query<{ participant: string }>(
        'UPDATE votes SET hidden = true WHERE session = $1 AND poll = $2 AND NOT hidden AND key = $3 RETURNING participant',
        [session, poll, key],
      )
      await feed.publish(tx, { type: 'moderation', session, poll })
      return rows.map(row => row.participant)
    })),
    hiddenTexts: (session, poll) => read(async () => (await query<{ key: string, text: string | null, count: number }>(`
      SELECT h.text AS key, MIN(v.answer #>> '{}' COLLATE "C") AS text, count(v.participant)::int AS count
      FROM hidden_texts h LEFT JOIN votes v
        ON v.session = h.session AND v.poll = h.poll AND v.hidden AND v.key = h.text
      WHERE h.session = $1 AND h.poll = $2 GROUP BY h.text ORDER BY MAX(h.at) DESC, h.text COLLATE "C"`, [session, poll])).map(row => ({ ...row, text: row.text ?? row.key }))),
    unhideAnswers: (session, poll, key) => write(() => transaction(async (tx) => {
      await tx.query('DELETE FROM hidden_texts WHERE session = $1 AND poll = $2 AND text = $3', [session, poll, key])
      const { rows } = await tx.query<StoredAnswer>(
        'UPDATE votes SET hidden = false WHERE session = $1 AND poll = $2 AND hidden AND key = $3 RETURNING participant, answer',
        [session, poll, key],
      )
      await feed.publish(tx, { type: 'moderation', session, poll })
      return rows
    })),

    onChange: feed.subscribe,
    async close() {
      await feed.close()
      await pool.end()
    },
  }
}
