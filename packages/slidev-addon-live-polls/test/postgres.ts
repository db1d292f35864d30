import { randomBytes } from 'node:crypto'
import process from 'node:process'
import pg from 'pg'

/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL, or the local one on 127.0.0.1:5432 (user postgres,
 * trust authentication, as Debian's package sets it up). The user must be allowed to create databases.
 */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const name = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`

/** The server's address with another database, or with a search path (a schema of its own). */
export function withDatabase(url: string, database: string, schema?: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  if (schema)
    parsed.searchParams.set('options', `-c search_path=${schema}`)
  return parsed.toString()
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  }
  finally {
    await client.end()
  }
}

/** A new, empty database on the test server; `drop` removes it, whoever is still connected. */
export async function createTestDatabase(prefix = 'live_polls_test'): Promise<{ url: string, database: string, drop: () => Promise<void> }> {
  const database = name(prefix)
  await run(testServerUrl, `CREATE DATABASE ${database}`)
  return {
    url: withDatabase(testServerUrl, database),
    database,
    drop: () => run(testServerUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  }
}

/** A new, empty schema in the test run's database: one store's own tables and change channel, cheaper than a database. */
export async function createTestSchema(databaseUrl: string): Promise<string> {
  const schema = name('s')
  await run(databaseUrl, `CREATE SCHEMA ${schema}`)
  return withDatabase(databaseUrl, new URL(databaseUrl).pathname.slice(1), schema)
}
