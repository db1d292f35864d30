import type { PostgresCpu } from './procfs'
import pg from 'pg'
import { now } from './clock'
import { postgresCpuBetween } from './procfs'

/** What PostgreSQL did during the measured window: the cost side of the votes acknowledged in it. */
export interface PostgresFigures {
  /** WAL written by the whole cluster (pg_current_wal_lsn before and after). */
  walBytes: number
  /**
   * The run's database alone (pg_walinspect; undefined when that extension is not available): the bytes of the WAL
   * records touching its relations and of the commits of their transactions, and how many such transactions
   * there were (the vote batches, exactly: reads write no WAL).
   */
  own?: { walBytes: number, writes: number }
  /**
   * Transactions committed in the run's database (pg_stat_database.xact_commit): the writes, and the reads of the
   * processes hearing of them. Backends report these counts about once a second, so a short window is blurred.
   */
  commits: number
  /** Transactions committed in every other database: other work on this machine, whose WAL is counted too. */
  otherCommits: number
  /** WAL flushes to disk (pg_stat_wal.wal_sync, cluster-wide): the fsyncs behind the commits. */
  walSyncs: number
  /** CPU seconds of PostgreSQL's processes (procfs.ts), or undefined when the server is not on this machine. */
  cpu?: PostgresCpu
}

interface Snapshot {
  lsn: string
  commits: number
  otherCommits: number
  walSyncs: number
}

async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows } = await client.query<{ lsn: string, commits: string, other: string | null, syncs: string }>(`
    SELECT pg_current_wal_lsn()::text AS lsn,
      (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
      (SELECT sum(xact_commit) FROM pg_stat_database WHERE datname <> current_database()) AS other,
      (SELECT wal_sync FROM pg_stat_wal) AS syncs`)
  const row = rows[0]!
  return {
    lsn: row.lsn,
    commits: Number(row.commits),
    otherCommits: Number(row.other ?? 0),
    walSyncs: Number(row.syncs),
  }
}

/**
 * The bytes of the WAL records between two positions that belong to the connected database: records whose block
 * references name one of its relations (rel <tablespace>/<database>/<relation>), and every other record of
 * those transactions (their commits). Other work on the same server writes WAL too; this leaves it out.
 */
async function ownWal(client: pg.Client, from: string, to: string): Promise<{ walBytes: number, writes: number }> {
  const { rows } = await client.query<{ bytes: string | null, writes: string }>(`
    WITH mine AS (
      SELECT 'rel [0-9]+/' || oid || '/' AS pattern FROM pg_database WHERE datname = current_database()
    ), records AS (
      SELECT xid, record_length, block_ref ~ (SELECT pattern FROM mine) AS touches FROM pg_get_wal_records_info($1, $2)
    )
    SELECT sum(record_length) AS bytes, count(DISTINCT xid::text) FILTER (WHERE xid <> 0) AS writes FROM records
    WHERE touches OR (xid <> 0 AND xid IN (SELECT xid FROM records WHERE touches))`, [from, to])
  return {
    walBytes: Number(rows[0]!.bytes ?? 0),
    writes: Number(rows[0]!.writes),
  }
}

const isLocal = (url: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)

/**
 * Reads PostgreSQL's counters at `from` and at `to` (epoch ms), and its processes' CPU if it runs here. With
 * `analyze`, first runs ANALYZE on the run's database half a second before `from` (see scenario.ts).
 */
export async function measurePostgres(url: string, database: string, from: number, to: number, analyze: boolean): Promise<PostgresFigures> {
  const cpu = isLocal(url)
    ? postgresCpuBetween(database, from, to)
    : Promise.resolve(undefined)
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => {})
  await client.connect()
  try {
    const at = (t: number): Promise<Snapshot> => new Promise((resolve, reject) => {
      setTimeout(() => snapshot(client).then(resolve, reject), t - now())
    })
    // pg_walinspect (contrib, PostgreSQL 15+) tells this database's WAL from the rest's; without it, cluster-wide only.
    const inspect = await client.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect').then(() => true, () => false)
    if (analyze) {
      await new Promise(resolve => setTimeout(resolve, from - 500 - now()))
      await client.query('ANALYZE')
    }
    const before = await at(from)
    const after = await at(to)
    const { rows } = await client.query<{ bytes: string }>('SELECT pg_wal_lsn_diff($1, $2) AS bytes', [after.lsn, before.lsn])
    return {
      walBytes: Number(rows[0]!.bytes),
      own: inspect
        ? await ownWal(client, before.lsn, after.lsn).catch((err: unknown) => {
            console.error(`bench: could not read the window's WAL records: ${(err as Error).message}`)
            return undefined
          })
        : undefined,
      commits: after.commits - before.commits,
      otherCommits: after.otherCommits - before.otherCommits,
      walSyncs: after.walSyncs - before.walSyncs,
      cpu: await cpu,
    }
  }
  finally {
    await client.end().catch(() => {})
  }
}
