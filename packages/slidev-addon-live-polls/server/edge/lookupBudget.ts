import { PollError } from '../domain/pollError.ts'
import { createRateLimiter } from './rateLimit.ts'

export const TOO_MANY_FAILURES = 'too many failed look-ups: try again in a minute'

/**
 * Failed look-ups (an unknown session code, a wrong presenter token) per client address. Once an address
 * has spent its budget, its look-ups are refused before they are made, right or wrong, until the budget
 * refills: a 429 tells a guesser nothing. 0 turns the budget off.
 */
export function createLookupBudget(perMinute: number) {
  const limiter = createRateLimiter(perMinute / 60, perMinute)
  return {
    /** Whether `address` may look something up now. */
    allows: (address: string): boolean => perMinute === 0 || limiter.allows(address),
    /** Throws 429 when `address` may not look anything up now. */
    check(address: string): void {
      if (perMinute > 0 && !limiter.allows(address))
        throw new PollError(429, TOO_MANY_FAILURES)
    },
    failed(address: string): void {
      if (perMinute > 0)
        limiter.take(address)
    },
  }
}

export type LookupBudget = ReturnType<typeof createLookupBudget>
