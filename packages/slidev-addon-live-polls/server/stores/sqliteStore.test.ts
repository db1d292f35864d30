import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { onPostgres } from '../../test/testStore.ts'
import { createSqliteStore } from './sqliteStore.ts'
import { StorageError } from './storageError.ts'

// What only the SQLite store does: one process's file, opened wherever POLL_DB points.
describe.skipIf(onPostgres)('the SQLite store', () => {
  it('makes the folders of a new database file, and keeps its answers there', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sqlite-store-')), 'not', 'yet', 'polls.sqlite')
    const store = createSqliteStore(path)
    await store.saveVotes([
      {
        session: '',
        poll: 'p',
        participant: 'a',
        answer: 'yes',
        at: 1,
      },
    ])
    await store.close()
    const again = createSqliteStore(path)
    expect(await again.answers('', 'p')).toEqual([
      { participant: 'a', answer: 'yes' },
    ])
    await again.close()
  })

  it('is one process\'s alone, and nothing reaches it from elsewhere', async () => {
    const store = createSqliteStore(':memory:')
    expect(store.shared).toBe(false)
    await store.close()
  })

  it('says it cannot write while another holds the file\'s write lock, and can again once it lets go', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sqlite-store-')), 'polls.sqlite')
    const store = createSqliteStore(path, { statementMs: 1_000, lockMs: 50 })
    await store.checkWrites()
    const other = new Database(path)
    other.exec('BEGIN IMMEDIATE')
    await expect(store.checkWrites()).rejects.toBeInstanceOf(StorageError)
    other.exec('ROLLBACK')
    other.close()
    await store.checkWrites()
    await store.close()
  })

  it('is closed by close: nothing is read from it after', async () => {
    const store = createSqliteStore(':memory:')
    await store.close()
    await expect(store.answers('', 'p')).rejects.toThrow(/not open/)
  })
})
