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

describe('createRateLimiter at other rates', () => {
  it('refills `rate` tokens a second: at 4 a second, one token each 250 ms', () => {
    const limiter = createRateLimiter(4, 2)
    const t = 1_000_000
    expect([
      limiter.take('a', t),
      limiter.take('a', t),
      limiter.take('a', t),
    ]).toEqual([true, true, false])
    expect(limiter.allows('a', t + 200)).toBe(false)
    expect(limiter.take('a', t + 200)).toBe(false)
    expect(limiter.allows('a', t + 250)).toBe(true)
    expect(limiter.take('a', t + 250)).toBe(true)
    expect(limiter.take('a', t + 250)).toBe(false)
    // Half a second later: two tokens, the burst, and no more.
    expect([t + 10_000, t + 10_000, t + 10_000].map(at => limiter.take('a', at))).toEqual([true, true, false])
  })

  it('at a rate below 1 a second: one token each 4 s at 0.25', () => {
    const limiter = createRateLimiter(0.25, 1)
    const t = 1_000_000
    expect(limiter.take('a', t)).toBe(true)
    expect(limiter.allows('a', t + 3_999)).toBe(false)
    expect(limiter.take('a', t + 3_999)).toBe(false)
    expect(limiter.allows('a', t + 8_000)).toBe(true)
    expect(limiter.take('a', t + 8_000)).toBe(true)
  })
})

describe('createRateLimiter\'s sweep of idle keys', () => {
  it('once a minute drops the keys whose bucket is full again, and keeps those still refilling', () => {
    const limiter = createRateLimiter(0.02, 3)
    for (let i = 0; i < 3; i++)
      limiter.take('empty', 0)
    limiter.take('full', 0)
    limiter.take('c', 60_001)
    // A minute refills 1.2 tokens: `full` (2 of 3 left) is full again and dropped; `empty` has 1.2 and is kept,
    // still limited: one request, not a fresh burst of three.
    expect(limiter.size).toBe(2)
    expect([
      limiter.take('empty', 60_001),
      limiter.take('empty', 60_001),
    ]).toEqual([true, false])
  })

  it('drops a bucket refilled exactly to the burst: it is the same as none', () => {
    const limiter = createRateLimiter(1, 3)
    limiter.take('a', 0)
    limiter.take('a', 59_001)
    limiter.take('b', 60_001)
    expect(limiter.size).toBe(1)
  })

  it('does not sweep more than once a minute', () => {
    const limiter = createRateLimiter(10, 3)
    limiter.take('a', 0)
    limiter.take('b', 30_000)
    limiter.take('c', 60_000)
    expect(limiter.size).toBe(3)
    limiter.take('d', 60_001)
    expect(limiter.size).toBe(2)
  })

  it('forgets a key on request: its next request has the whole burst again', () => {
    const limiter = createRateLimiter(1, 2)
    limiter.take('a', 0)
    limiter.take('a', 0)
    expect(limiter.take('a', 0)).toBe(false)
    limiter.forget('a')
    expect(limiter.size).toBe(0)
    expect([
      limiter.take('a', 0),
      limiter.take('a', 0),
      limiter.take('a', 0),
    ]).toEqual([true, true, false])
  })
})
