/**
 * How long the phone waits before sending again a vote refused as retryable (the database slow or unavailable),
 * then gives up and says so. Five tries over about half a minute: a stall of a few seconds passes unnoticed, and
 * five refused votes stay far inside a socket's budget (it is closed after 20 refusals; 10 messages a second).
 */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000]

/** The wait before try `attempt` (1 = the first retry), up to a quarter longer so that a room's phones spread out; undefined once given up. */
export function retryDelay(attempt: number, random = Math.random()): number | undefined {
  const base = RETRY_DELAYS_MS[attempt - 1]
  return base === undefined
    ? undefined
    : Math.round(base * (1 + random / 4))
}
