import type { StorageSettings } from '../server/stores/openStore'
import type { Store } from '../server/stores/store'
import process from 'node:process'
import { inject } from 'vitest'
import { openStore } from '../server/stores/openStore'
import { createTestSchema } from './postgres.ts'
import { tempDb } from './serverProcess'

/** Which store the tests of this run use: the vitest project `postgres` sets POLL_TEST_STORE=postgres. */
export const onPostgres = process.env.POLL_TEST_STORE === 'postgres'

/** Storage of its own for one test: a new SQLite file, or a new schema in the run's PostgreSQL database. */
export async function testStorage(): Promise<StorageSettings> {
  return onPostgres
    ? { dbPath: ':memory:', databaseUrl: await createTestSchema(inject('databaseUrl')) }
    : {
        dbPath: tempDb(),
      }
}

/** A store of its own for one test, on the run's store kind. */
export async function openTestStore(settings?: StorageSettings): Promise<Store> {
  return openStore(settings ?? await testStorage())
}
