import { accessSync, constants, statSync } from 'node:fs'
import { dirname } from 'node:path'

/** The database (its file, disk or lock, or its PostgreSQL server) failed us: something an operator can fix, said in one line. */
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
  // Still locked once the busy wait (DB_LOCK_TIMEOUT) is over.
  SQLITE_BUSY: 'did not answer in time: it is locked by another process',
  SQLITE_LOCKED: 'is locked by another process',
  SQLITE_PERM: 'may not be accessed',
}

// PostgreSQL's SQLSTATE classes and codes that mean the server, its disk or the connection is at fault.
const postgresReasons: [prefix: string, reason: string][] = [
  // statement_timeout and lock_timeout (DB_STATEMENT_TIMEOUT, DB_LOCK_TIMEOUT): stuck, or locked by someone else.
  ['57014', 'did not answer in time'],
  ['55P03', 'did not answer in time: a table was locked'],
  ['53100', 'cannot grow: the server\'s disk is full'],
  ['53', 'is out of resources'],
  ['08', 'cannot be reached'],
  ['57', 'is shutting down or restarting'],
  ['58', 'hit a system error'],
  ['25006', 'is read-only'],
  ['3D000', 'does not exist'],
  ['28', 'refused the login'],
  ['42501', 'refused this user the permission'],
]

function postgresReason(code: string, message: string): string | undefined {
  if ([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
  ].includes(code)) {
    return 'cannot be reached'
  }
  if (/^[0-9A-Z]{5}$/.test(code))
    return postgresReasons.find(([prefix]) => code.startsWith(prefix))?.[1]
  // node-postgres says so in words when the connection drops or cannot be made in time.
  if (/^(?:Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(message))
    return 'cannot be reached'
  return undefined
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
  const postgres = postgresReason(typeof code === 'string'
    ? code
    : '', String(message))
  if (postgres) {
    return new StorageError(path, `${postgres} (${typeof code === 'string'
      ? `${code}: `
      : ''}${message})`)
  }
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
