/** Token buckets by key: `rate` tokens a second, up to `burst`. Idle buckets are forgotten. */
export function createRateLimiter(rate: number, burst: number) {
  const buckets = new Map<string, { tokens: number, at: number }>()
  let sweptAt = Number.NEGATIVE_INFINITY

  return {
    /** Takes one token for `key`; false when the key is over its limit. */
    take(key: string, now = Date.now()): boolean {
      if (now - sweptAt > 60_000) {
        // A full bucket carries no information: drop those so the map cannot grow without bound.
        for (const [k, b] of buckets) {
          if (b.tokens + ((now - b.at) / 1000) * rate >= burst)
            buckets.delete(k)
        }
        sweptAt = now
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: now }
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate)
      bucket.at = now
      buckets.set(key, bucket)
      if (bucket.tokens < 1)
        return false
      bucket.tokens -= 1
      return true
    },
    /** Whether `key` has a token left, without taking it. */
    allows(key: string, now = Date.now()): boolean {
      const bucket = buckets.get(key)
      return !bucket || bucket.tokens + ((now - bucket.at) / 1000) * rate >= 1
    },
    /** Drops a key's bucket, e.g. when its socket closes. */
    forget(key: string): void {
      buckets.delete(key)
    },
    get size(): number {
      return buckets.size
    },
  }
}
