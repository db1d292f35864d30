/** What one client address (an IPv6 /64) may use; 0 turns a budget off. The addon README's "Settings for a hostile room" explains the defaults. */
export interface AddressBudgets {
  /** WebSockets open at once. */
  sockets: number
  /** WebSocket messages a minute across all its sockets, half of them at once. Presenter sockets do not count. */
  messagesPerMinute: number
  /** Failed look-ups a minute (unknown session code, wrong presenter token), all of them at once. */
  failedLookupsPerMinute: number
}

// A 2,000-person room behind one NAT address: every phone holds a socket and sends hello, a vote or two and
// the hello of a reconnect, about 8,000 messages in its first minute, with all 2,000 hellos in the first seconds.
export const DEFAULT_BUDGETS: AddressBudgets = { sockets: 3000, messagesPerMinute: 9000, failedLookupsPerMinute: 30 }
