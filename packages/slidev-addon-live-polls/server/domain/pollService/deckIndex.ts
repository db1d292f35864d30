import type { Poll } from '../../../polls/types.ts'
import { PollError } from '../pollError.ts'

/** The deck's polls by id: every command and report names its poll by id, and an unknown one is a 404. */
export interface DeckIndex {
  polls: Poll[]
  /** The poll with this id; throws PollError 404 if the deck has none. */
  poll: (id: string) => Poll
  has: (id: string) => boolean
}

export function createDeckIndex(polls: Poll[]): DeckIndex {
  const byId = new Map(polls.map(poll => [poll.id, poll]))
  return {
    polls,
    poll(id) {
      const found = byId.get(id)
      if (!found)
        throw new PollError(404, `unknown poll "${id}"`)
      return found
    },
    has: id => byId.has(id),
  }
}
