import type { VoteRecord } from './store.ts'

interface Pending {
  record: VoteRecord
  resolve: () => void
  reject: (err: unknown) => void
}

/**
 * Collects the votes that arrive in one turn of the event loop and stores them in one transaction,
 * then acknowledges each: an ack always follows the commit, and a burst costs one commit, not hundreds.
 */
export function createVoteBatcher(save: (records: VoteRecord[]) => void) {
  let pending: Pending[] = []

  function flush(): void {
    const batch = pending
    pending = []
    try {
      save(batch.map(p => p.record))
      for (const p of batch) p.resolve()
    }
    catch (err) {
      for (const p of batch) p.reject(err)
    }
  }

  return {
    add(record: VoteRecord): Promise<void> {
      return new Promise((resolve, reject) => {
        if (pending.length === 0)
          setImmediate(flush)
        pending.push({ record, resolve, reject })
      })
    },
  }
}
