import { describe, expect, it } from 'vitest'
import { retryDelay } from './voteRetry.ts'

describe('retryDelay', () => {
  it('backs off, spreads a room\'s phones, and gives up after five tries, far inside a socket\'s 20 refusals', () => {
    expect([1, 2, 3, 4, 5].map(n => retryDelay(n, 0))).toEqual([1000, 2000, 4000, 8000, 15_000])
    expect(retryDelay(1, 0.999)).toBeLessThanOrEqual(1250)
    expect(retryDelay(6)).toBeUndefined()
  })
})
