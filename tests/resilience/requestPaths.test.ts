import type { ServerProcess } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawGet } from '../../packages/slidev-addon-live-polls/test/rawHttp'
import { startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist } from '../fixtureDist'

// Shapes that made sirv's SPA ignore pattern (/[/]([A-Za-z\s\d~$._-]+\.\w+){1,}$/) backtrack exponentially:
// 70 bytes froze the server for 4 s. Each is tried short, at 1 KiB and near the 16 KiB header limit.
const shapes = [
  (n: number) => `${'a.'.repeat(n)}!`,
  (n: number) => `${'0.0'.repeat(n)}/`,
  (n: number) => `${'a.'.repeat(n)}%00`,
  (n: number) => `x${'.a'.repeat(n)}~$`,
]
const lengths = [70, 1024, 16 * 1024 - 200]
const prefixes = [
  '/',
  '/vote/',
  '/console/',
  '/api/',
  '/v/',
  '/assets/',
  '/presenter/',
]
// Generous for a busy 2-core box: a healthy request takes a few ms, the old pattern seconds to forever.
const BOUND_MS = 2000

const servers: ServerProcess[] = []
beforeAll(async () => {
  const dist = fixtureDist()
  servers.push(await startServer({
    DECK_DIST: dist,
    POLL_DB: tempDb(),
  }))
  servers.push(await startServer({
    DECK_DIST: dist,
    POLL_DB: tempDb(),
    BASE_PATH: '/workshop/',
  }))
}, 60_000)
afterAll(() => Promise.all(servers.map(s => s.stop('SIGKILL'))))

describe('request paths up to the 16 KiB header limit', () => {
  it('each costs milliseconds on every route prefix, and /api/health stays fast meanwhile', async () => {
    for (const [server, base] of [
      [servers[0]!, '/'],
      [servers[1]!, '/workshop/'],
    ] as const) {
      // Warm up each route once, so the figures are about the paths, not a first request's module loading.
      for (const prefix of prefixes)
        await rawGet(server.port, `${base}${prefix.slice(1)}x`)
      // Someone else asking for /api/health all the while: a frozen event loop shows up here too.
      const polling = { on: true }
      let worstHealth = 0
      const poller = (async () => {
        while (polling.on) {
          const started = performance.now()
          const reply = await rawGet(server.port, `${base}api/health`, {}, { timeoutMs: 5000 })
          expect(reply.status).toBe(200)
          worstHealth = Math.max(worstHealth, performance.now() - started)
          await new Promise(resolve => setTimeout(resolve, 10))
        }
      })()
      let worst = { ms: 0, path: '' }
      const times: number[] = []
      try {
        for (const prefix of prefixes) {
          for (const shape of shapes) {
            for (const length of lengths) {
              const head = `${base}${prefix.slice(1)}`
              const path = `${head}${shape(length)}`.slice(0, Math.max(length, head.length + 8))
              const reply = await rawGet(server.port, path, {}, { timeoutMs: 5000 })
              expect(reply.closed, `${path.slice(0, 60)}… (${path.length} bytes) got no answer`).toBe(true)
              expect(reply.status, path.slice(0, 60)).toBeDefined()
              times.push(reply.ms)
              if (reply.ms > worst.ms)
                worst = { ms: reply.ms, path: `${path.slice(0, 40)}… (${path.length} bytes)` }
            }
          }
        }
      }
      finally {
        polling.on = false
        await poller
      }
      const median = times.sort((a, b) => a - b)[times.length >> 1]!
      console.log(`base ${base}: ${times.length} paths, median ${median.toFixed(1)} ms, worst ${worst.ms.toFixed(1)} ms for ${worst.path}; worst /api/health meanwhile ${worstHealth.toFixed(1)} ms`)
      expect(worst.ms).toBeLessThan(BOUND_MS)
      expect(worstHealth).toBeLessThan(BOUND_MS)
    }
  }, 120_000)

  it('keeps the deck\'s fallback: routes get index.html, a missing file 404', async () => {
    const [server] = servers
    for (const route of [
      '/3',
      '/presenter/3',
      '/overview',
      '/presenter/',
    ]) {
      const reply = await rawGet(server!.port, route)
      expect(reply.status, route).toBe(200)
      expect(reply.data, route).toContain('<title>deck</title>')
    }
    expect((await rawGet(server!.port, '/assets/gone.js')).status).toBe(404)
    expect((await rawGet(server!.port, '/assets/app.js')).data).toContain('deck deck')
  })
})
