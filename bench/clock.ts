/**
 * Milliseconds since the epoch with sub-millisecond resolution. Every bench process runs on this machine, so
 * stamps taken in the load generators and in the parent (the presenter) are comparable: measured offset < 1 ms.
 */
export function now(): number {
  return performance.timeOrigin + performance.now()
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
