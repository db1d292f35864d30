import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import process from 'node:process'
import Database from 'better-sqlite3'
import { asStorageError, StorageError } from './storageError.ts'

/**
 * Holds an exclusive SQLite lock on `<database>.lock` for as long as this process runs, so a second server on
 * the same database refuses to start instead of diverging from the first (each keeps its own counts in memory).
 * The operating system drops the lock when the process ends, even on SIGKILL: there is no stale lock to clear.
 * Readers (`npm run results`, a handout) open the database itself and are not held up.
 */
export function lockDatabase(dbPath: string): { release: () => void } {
  if (dbPath === ':memory:') {
    return {
      release: () => {},
    }
  }
  const lockPath = `${dbPath}.lock`
  let lock: Database.Database | undefined
  try {
    mkdirSync(dirname(lockPath), { recursive: true })
    lock = new Database(lockPath, { timeout: 0 })
    lock.pragma('locking_mode = EXCLUSIVE')
    lock.pragma('journal_mode = MEMORY')
    lock.exec('BEGIN EXCLUSIVE')
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)')
    lock.exec('DELETE FROM holder')
    lock.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString())
    lock.exec('COMMIT')
  }
  catch (err) {
    lock?.close()
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new StorageError(dbPath, `is in use by another poll server (it holds ${lockPath})`)
    const storage = asStorageError(lockPath, err)
    throw storage
      ? new StorageError(dbPath, `cannot be locked: its lock file ${lockPath} ${storage.reason}`)
      : err
  }
  return {
    release: () => lock.close(),
  }
}
