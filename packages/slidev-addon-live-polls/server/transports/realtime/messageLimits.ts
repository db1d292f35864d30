import type { AddressBudgets } from '../../edge/addressBudgets.ts'
import type { Client } from './clients.ts'
import { createRateLimiter } from '../../edge/rateLimit.ts'

/** How many messages a socket, and an address across its sockets, may send; and when a socket refused too often is closed. */
export interface MessageLimits {
  /** Takes a message from the socket's budget, then (not a presenter's) from its address's; false when either is spent. */
  take: (client: Client) => boolean
  /** A socket refused over 20 times is closed: it is flooding, or sending what cannot be stored. */
  countRefusal: (client: Client) => void
  /**
   * A vote the database refused for its own data costs its sender: a message more from its address's budget, and a
   * refusal of its socket's. Otherwise sending what cannot be stored would be free, and cost others (issue 18).
   */
  charge: (client: Client) => void
  forget: (client: Client) => void
  /** Per-socket rate-limit buckets. */
  buckets: () => number
}

export function createMessageLimits(budgets: Pick<AddressBudgets, 'messagesPerMinute'>): MessageLimits {
  // Per socket: a phone sends a handful of messages a minute; a flood is cut off.
  const limiter = createRateLimiter(10, 30)
  // Per address, across its sockets: many sockets each inside their own limit are still one client.
  const addressLimiter = budgets.messagesPerMinute > 0
    ? createRateLimiter(budgets.messagesPerMinute / 60, Math.max(1, budgets.messagesPerMinute / 2))
    : undefined

  function countRefusal(client: Client): void {
    client.refused += 1
    if (client.refused > 20)
      client.socket.close(1008, 'flooding')
  }

  return {
    // A socket over its own limit does not also spend its address's budget; a presenter spends none.
    take: client => limiter.take(client.id) && (client.presenter || addressLimiter?.take(client.address) !== false),
    countRefusal,
    charge(client) {
      addressLimiter?.take(client.address)
      countRefusal(client)
    },
    forget: client => limiter.forget(client.id),
    buckets: () => limiter.size,
  }
}
