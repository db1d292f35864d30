import type { StoredAs, VoteRecord } from './store.ts'

interface Pending {
  record: VoteRecord
  resolve: (stored: StoredAs) => void
  reject: (err: unknown) => void
}

/**
 * Collects the votes that arrive in one turn of the event loop and stores them in one transaction,
 * then acknowledges each with what the store made of it: an ack always follows the commit, and a burst
 * costs one commit, not hundreds.
 */
export function createVoteBatcher(save: (records: VoteRecord[]) => StoredAs[]) {
  let pending: Pending[] = []

  function flush(): void {
    const batch = pending
    pending = []
    try {
      const stored = save(batch.map(p => p.record))
      batch.forEach((p, i) => p.resolve(stored[i]!))
    }
    catch (err) {
      for (const p of batch) p.reject(err)
    }
  }

  return {
    add(record: VoteRecord): Promise<StoredAs> {
      return new Promise((resolve, reject) => {
        if (pending.length === 0)
          setImmediate(flush)
        pending.push({ record, resolve, reject })
      })
    },
  }
}
