import type { DatabaseTimeouts } from './databaseTimeouts.ts'
import type { Store } from './store.ts'
import { createPostgresStore } from './postgresStore.ts'
import { createSqliteStore } from './sqliteStore.ts'

export interface StorageSettings {
  /** SQLite file (':memory:' for a throwaway store): the embedded default. */
  dbPath: string
  /** DATABASE_URL: PostgreSQL instead, shared by every process given the same address. */
  databaseUrl?: string
  /** Statement and lock timeouts (DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT); the defaults when not given. */
  timeouts?: DatabaseTimeouts
}

/** The store the settings name: PostgreSQL when a database URL is given, else the SQLite file. */
export async function openStore({ dbPath, databaseUrl, timeouts }: StorageSettings): Promise<Store> {
  return databaseUrl
    ? createPostgresStore(databaseUrl, console.error, timeouts)
    : createSqliteStore(dbPath, timeouts)
}
