import { createTestDatabase, testServerUrl } from '../packages/slidev-addon-live-polls/test/postgres'
import { onAbort } from './children'

export interface BenchDatabase {
  url: string
  /** Its name, to tell its backends among PostgreSQL's processes. */
  name: string
  drop: () => Promise<void>
}

/**
 * A fresh PostgreSQL database for one run, on the server the tests use (TEST_DATABASE_URL, else
 * postgres@127.0.0.1:5432). It is dropped by `drop`, or when the bench is aborted (Ctrl-C, watchdog, failure).
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  let created: Awaited<ReturnType<typeof createTestDatabase>>
  try {
    created = await createTestDatabase('live_polls_bench')
  }
  catch (err) {
    throw new Error(`cannot create a database on ${new URL(testServerUrl).host} for --servers/--postgres (set TEST_DATABASE_URL to another server): ${(err as Error).message}`)
  }
  const { url, database } = created
  const drop = onAbort(() => created.drop().catch((err: unknown) => {
    console.error(`bench: could not drop the database ${database}: ${(err as Error).message}; drop it by hand`)
  }))
  return { url, name: database, drop }
}
