import type { StoredAs, VoteRecord } from '../stores/store.ts'
import { StorageError } from '../stores/storageError.ts'

interface Pending {
  record: VoteRecord
  resolve: (stored: StoredAs) => void
  reject: (err: unknown) => void
}

/**
 * Whether a failed batch may have failed for one vote's data (a text the database cannot take), and not for the
 * database as a whole (gone, full, read-only, or too slow: those are StorageErrors, and fail every vote alike).
 */
const mayBeOneVote = (err: unknown): boolean => !(err instanceof StorageError)

/**
 * Collects the votes that arrive while the previous batch is being stored (at least one turn of the event
 * loop) and stores them in one transaction, then acknowledges each with what the store made of it: an ack
 * always follows the commit, a burst costs one commit, not hundreds, and one batch at a time keeps a
 * participant's answers in the order they came.
 *
 * A batch the database refuses for its data is stored again a vote at a time, so that only a vote that cannot
 * be stored is refused, never the others that shared its transaction. Not after a StorageError: a database
 * that is gone or too slow would only fail each vote again, one timeout after another.
 */
export function createVoteBatcher(save: (records: VoteRecord[]) => Promise<StoredAs[]>) {
  let pending: Pending[] = []
  let saving = false

  async function store(batch: Pending[]): Promise<void> {
    try {
      const stored = await save(batch.map(p => p.record))
      batch.forEach((p, i) => p.resolve(stored[i]!))
    }
    catch (err) {
      if (batch.length > 1 && mayBeOneVote(err)) {
        for (const p of batch) await store([p])
        return
      }
      for (const p of batch) p.reject(err)
    }
  }

  async function flush(): Promise<void> {
    const batch = pending
    pending = []
    saving = true
    await store(batch)
    saving = false
    if (pending.length)
      setImmediate(flush)
  }

  return {
    add(record: VoteRecord): Promise<StoredAs> {
      return new Promise((resolve, reject) => {
        if (pending.length === 0 && !saving)
          setImmediate(flush)
        pending.push({ record, resolve, reject })
      })
    },
  }
}
