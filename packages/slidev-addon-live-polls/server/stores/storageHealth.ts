import { asStorageError } from './storageError.ts'

export type StorageStatus = { ok: true } | { ok: false, error: string, since: string }

// A full disk fails every vote: say so at once, then at most this often, with how many failed meanwhile.
const LOG_EVERY_MS = 10_000
// /api/health tries a write at most this often (a monitor or a curious visitor cannot turn it into a write load).
const PROBE_EVERY_MS = 1000
// Healthy again only after a write succeeds with no failure for this long: on a nearly full disk a small write
// can pass between failing bigger ones, and that is not health.
const RECOVERED_AFTER_MS = 10_000

/**
 * Whether the database takes writes. Every write goes through `write`: a storage failure is logged with its cause
 * and thrown as a StorageError, and the store counts as failing until writes succeed again.
 */
export function createStorageHealth(path: string, probe: () => unknown, log: (line: string) => void = console.error) {
  let failure: { reason: string, since: number, last: number } | undefined
  let loggedAt = 0
  let unlogged = 0
  let probedAt = Number.NEGATIVE_INFINITY

  function failed(err: unknown): unknown {
    const storage = asStorageError(path, err)
    if (!storage)
      return err
    const now = Date.now()
    if (!failure || failure.reason !== storage.reason || now - loggedAt >= LOG_EVERY_MS) {
      const more = unlogged
        ? ` (${unlogged} more failed writes since the last message)`
        : ''
      log(`Storage error: ${storage.message}; that write was refused, not acknowledged${more}`)
      loggedAt = now
      unlogged = 0
    }
    else {
      unlogged += 1
    }
    failure = {
      reason: storage.reason,
      since: failure?.reason === storage.reason
        ? failure.since
        : now,
      last: now,
    }
    return storage
  }

  async function write<T>(run: () => T | Promise<T>): Promise<T> {
    let result: T
    try {
      result = await run()
    }
    catch (err) {
      throw failed(err)
    }
    if (failure && Date.now() - failure.last >= RECOVERED_AFTER_MS) {
      log(`Storage: writes to ${path} work again, after ${Math.round((Date.now() - failure.since) / 1000)} s`)
      failure = undefined
      unlogged = 0
    }
    return result
  }

  return {
    write,
    /** Whether writes go through, trying one if the last try is over a second old. */
    async status(): Promise<StorageStatus> {
      if (Date.now() - probedAt >= PROBE_EVERY_MS) {
        probedAt = Date.now()
        try {
          await write(probe)
        }
        catch {}
      }
      return failure
        ? {
            ok: false,
            error: `the database ${failure.reason}`,
            since: new Date(failure.since).toISOString(),
          }
        : { ok: true }
    },
  }
}
