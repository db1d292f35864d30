import type { StoredAs, VoteRecord } from './store/store.ts'

interface Pending {
  record: VoteRecord
  resolve: (stored: StoredAs) => void
  reject: (err: unknown) => void
}

/**
 * Collects the votes that arrive while the previous batch is being stored (at least one turn of the event
 * loop) and stores them in one transaction, then acknowledges each with what the store made of it: an ack
 * always follows the commit, a burst costs one commit, not hundreds, and one batch at a time keeps a
 * participant's answers in the order they came.
 */
export function createVoteBatcher(save: (records: VoteRecord[]) => Promise<StoredAs[]>) {
  let pending: Pending[] = []
  let saving = false

  async function flush(): Promise<void> {
    const batch = pending
    pending = []
    saving = true
    try {
      const stored = await save(batch.map(p => p.record))
      batch.forEach((p, i) => p.resolve(stored[i]!))
    }
    catch (err) {
      for (const p of batch) p.reject(err)
    }
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
