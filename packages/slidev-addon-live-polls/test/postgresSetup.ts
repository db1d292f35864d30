// vitest globalSetup for the tests that run on PostgreSQL: one database for the whole run, dropped after.
import type { TestProject } from 'vitest/node'
import { createTestDatabase, testServerUrl } from './postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  try {
    database = await createTestDatabase()
  }
  catch (err) {
    throw new Error(`The PostgreSQL tests need a server at ${testServerUrl.replace(/:[^:@/]*@/, ':***@')} (set TEST_DATABASE_URL; see the README): ${(err as Error).message}`)
  }
  project.provide('databaseUrl', database.url)
  return database.drop
}
