import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rateLimit.ts'

describe('createRateLimiter', () => {
  it('allows a burst, then refuses until tokens refill', () => {
    const limiter = createRateLimiter(10, 3)
    const t = 1_000_000
    expect([1, 2, 3, 4].map(() => limiter.take('a', t))).toEqual([true, true, true, false])
    expect(limiter.take('b', t)).toBe(true)
    expect(limiter.take('a', t + 100)).toBe(true)
    expect(limiter.take('a', t + 100)).toBe(false)
  })

  it('tells whether a key has a token left without taking it', () => {
    const limiter = createRateLimiter(1, 2)
    const t = 1_000_000
    expect(limiter.allows('a', t)).toBe(true)
    limiter.take('a', t)
    limiter.take('a', t)
    expect(limiter.allows('a', t)).toBe(false)
    expect(limiter.allows('a', t + 1000)).toBe(true)
    expect(limiter.allows('a', t + 1000)).toBe(true)
  })

  it('forgets idle keys', () => {
    const limiter = createRateLimiter(10, 3)
    limiter.take('a', 0)
    limiter.take('b', 0)
    limiter.take('c', 120_000)
    expect(limiter.size).toBe(1)
  })
})
