export interface Percentiles {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles; NaN throughout when there are no samples (printed as "–"). */
export function percentiles(samples: number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort()
  const at = (q: number): number => sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
    : Number.NaN
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length
      ? sorted[sorted.length - 1]!
      : Number.NaN,
  }
}

/** Index of the first element of ascending `sorted` that is greater than `value` (sorted.length if none). */
export function firstAfter(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! > value)
      hi = mid
    else lo = mid + 1
  }
  return lo
}
