import type { DatabaseTimeouts } from './databaseTimeouts.ts'
import type { Store } from './store.ts'
import { lockDatabase } from './databaseLock.ts'
import { createPostgresStore } from './postgresStore.ts'
import { createSqliteStore } from './sqliteStore.ts'

/** Where votes are kept and how long the database may take: the one place these settings are declared. */
export interface StorageSettings {
  /** SQLite file (':memory:' for a throwaway store): the embedded default. */
  dbPath: string
  /** DATABASE_URL: PostgreSQL instead, shared by every process given the same address. */
  databaseUrl?: string
  /** Statement and lock timeouts (DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT); the defaults when not given. */
  timeouts?: DatabaseTimeouts
}

export interface OpenOptions {
  /**
   * This process is the database's one server (`npm start`) where the store allows only one: a SQLite file is then
   * locked for as long as the store is open (stores/databaseLock.ts), so a second server on it refuses to start.
   * PostgreSQL is shared by design and takes no lock; readers (`npm run results`, a handout, the dev server) leave
   * this off.
   */
  exclusive?: boolean
}

/**
 * The store the settings name: PostgreSQL when a database URL is given, else the SQLite file. What it holds comes
 * with it: closing the store releases its lock, so no caller has to know which stores take one.
 */
export async function openStore({ dbPath, databaseUrl, timeouts }: StorageSettings, { exclusive = false }: OpenOptions = {}): Promise<Store> {
  if (databaseUrl)
    return createPostgresStore(databaseUrl, console.error, timeouts)
  // A SQLite file is one server's alone; processes sharing PostgreSQL act as one server.
  const lock = exclusive
    ? lockDatabase(dbPath)
    : undefined
  let store: Store
  try {
    store = await createSqliteStore(dbPath, timeouts)
  }
  catch (err) {
    lock?.release()
    throw err
  }
  if (!lock)
    return store
  const close = store.close
  store.close = async () => {
    try {
      await close.call(store)
    }
    finally {
      lock.release()
    }
  }
  return store
}
