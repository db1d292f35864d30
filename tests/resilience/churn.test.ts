import type { InProcessServer } from '../../packages/slidev-addon-live-polls/test/inProcessServer'
import process from 'node:process'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startInProcess } from '../../packages/slidev-addon-live-polls/test/inProcessServer'

let server: InProcessServer

beforeAll(async () => {
  server = await startInProcess()
})
afterAll(() => server.close())

const settle = () => new Promise(resolve => setTimeout(resolve, 200))
// A forced collection before each reading, so the figure is what is still referenced, not garbage not yet collected.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

describe('connection churn', () => {
  it('thousands of connects and disconnects leave no sockets, buckets, handles or heap behind', async () => {
    const cycle = async (n: number, offset: number) => {
      for (let batch = 0; batch < n; batch += 100) {
        const clients = await Promise.all(Array.from({ length: 100 }, () => connect(server.url)))
        clients.forEach((c, i) => c.send({ type: 'hello', participant: `churn-${offset + batch + i}-xxxx` }))
        await Promise.all(clients.map(c => c.until('current')))
        clients.forEach(c => c.close())
      }
      await settle()
    }
    await cycle(500, 0) // warm-up: JIT, pools
    const handlesBefore = process.getActiveResourcesInfo().length
    gc()
    const heapBefore = process.memoryUsage().heapUsed

    await cycle(3000, 1000)
    await settle()

    expect(server.polls.stats()).toEqual({
      clients: 0,
      buckets: 0,
      addresses: 0,
      held: 0,
      slowClosed: 0,
      queuedBytes: 0,
    })
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(handlesBefore)
    gc()
    const growth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    console.log(`heap growth after 3,000 connect/disconnect cycles: ${growth.toFixed(1)} MB`)
    // After a forced GC the heap is back within noise (~0.1 MB); a leak of 1 KB per client would show as 3 MB.
    expect(growth).toBeLessThan(2)
  }, 120_000)
})
