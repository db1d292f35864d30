import { accessSync, constants, statSync } from 'node:fs'
import { dirname } from 'node:path'

/** The database file, its disk or its lock failed us: something an operator can fix, said in one line. */
export class StorageError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`the poll database ${path} ${reason}`)
  }
}

// SQLite's primary result codes that mean the file or the disk, not the program, is at fault.
const reasons: Record<string, string> = {
  SQLITE_NOTADB: 'is not a SQLite database',
  SQLITE_CORRUPT: 'is corrupt',
  SQLITE_READONLY: 'is read-only',
  SQLITE_CANTOPEN: 'cannot be opened',
  SQLITE_FULL: 'cannot grow: the disk is full',
  SQLITE_IOERR: 'hit a disk I/O error',
  SQLITE_BUSY: 'is locked by another process',
  SQLITE_LOCKED: 'is locked by another process',
  SQLITE_PERM: 'may not be accessed',
}

/** Why a file SQLite could not open cannot be opened, as far as the file system tells. */
function whyNotOpened(path: string): string {
  try {
    if (statSync(path).isDirectory())
      return 'is a directory'
  }
  catch {}
  try {
    accessSync(dirname(path), constants.W_OK)
  }
  catch (err) {
    return `cannot be created or written: its folder ${dirname(path)} is not writable (${(err as NodeJS.ErrnoException).code})`
  }
  return 'cannot be opened'
}

/**
 * The error as a StorageError when the file or the disk is at fault (SQLite's I/O, lock, read-only and corruption
 * codes, or a file-system error), with the cause spelled out; undefined for anything else (a bug to surface as is).
 */
export function asStorageError(path: string, err: unknown): StorageError | undefined {
  if (err instanceof StorageError)
    return err
  const { code, message } = (err ?? {}) as { code?: unknown, message?: unknown }
  if (typeof code !== 'string')
    return undefined
  if (code.startsWith('SQLITE_')) {
    const reason = reasons[code.split('_').slice(0, 2).join('_')]
    if (!reason)
      return undefined
    return new StorageError(path, `${code.startsWith('SQLITE_CANTOPEN')
      ? whyNotOpened(path)
      : reason} (${code}: ${message})`)
  }
  // Node's file-system errors (making the folder, opening the lock file): EACCES, EROFS, ENOSPC, ENOTDIR, …
  return /^E[A-Z]+$/.test(code)
    ? new StorageError(path, `cannot be used: ${message}`)
    : undefined
}
