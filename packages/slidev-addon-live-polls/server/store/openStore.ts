import type { Store } from './store.ts'
import { createPostgresStore } from './postgresStore.ts'
import { createSqliteStore } from './sqliteStore.ts'

export interface StorageSettings {
  /** SQLite file (':memory:' for a throwaway store): the embedded default. */
  dbPath: string
  /** DATABASE_URL: PostgreSQL instead, shared by every process given the same address. */
  databaseUrl?: string
}

/** The store the settings name: PostgreSQL when a database URL is given, else the SQLite file. */
export async function openStore({ dbPath, databaseUrl }: StorageSettings): Promise<Store> {
  return databaseUrl
    ? createPostgresStore(databaseUrl)
    : createSqliteStore(dbPath)
}
