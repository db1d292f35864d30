import type { ServerProcess } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawGet } from '../../packages/slidev-addon-live-polls/test/rawHttp'
import { startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist, fixtureFiles } from '../fixtureDist'

let server: ServerProcess
const dist = fixtureDist()
beforeAll(async () => {
  writeFileSync(join(dist, 'assets/removed.js'), 'soon gone')
  server = await startServer({
    DECK_DIST: dist,
    POLL_DB: tempDb(),
  })
}, 30_000)
afterAll(() => server.stop('SIGKILL'))

// The deck's files, its fallback, and the voting page's and console's files (served by another sirv).
const files = [
  '/assets/app.js',
  '/index.html',
  '/vote/assets/vote.js',
  '/vote/index.html',
  '/console/assets/console.js',
]

/** The body of a raw reply (after the blank line). */
const body = (data: string): string => data.slice(data.indexOf('\r\n\r\n') + 4)

describe('range headers on static files', () => {
  it('a reversed range (bytes=5-2) gets the whole file, and the connection is answered and closed', async () => {
    let worst = 0
    for (const path of files) {
      const reply = await rawGet(server.port, path, { range: 'bytes=5-2' }, { timeoutMs: 3000 })
      expect(reply.closed, `${path} got no complete answer`).toBe(true)
      expect(reply.status, path).toBe(200)
      expect(body(reply.data), path).toBe(fixtureFiles[path])
      worst = Math.max(worst, reply.ms)
    }
    console.log(`bytes=5-2 on ${files.length} files: answered in at most ${worst.toFixed(1)} ms`)
  })

  it('serves one valid range, 416 past the end, and the whole file for ranges sirv would misread', async () => {
    for (const path of files) {
      const text = fixtureFiles[path]!
      const part = await rawGet(server.port, path, { range: 'bytes=2-6' })
      expect(part.status, path).toBe(206)
      expect(body(part.data), path).toBe(text.slice(2, 7))
      const open = await rawGet(server.port, path, { range: 'bytes=10-' })
      expect(body(open.data), path).toBe(text.slice(10))
      const past = await rawGet(server.port, path, { range: `bytes=${text.length + 10}-` })
      expect(past.status, path).toBe(416)
      for (const range of [
        'bytes=-5',
        'bytes=0-1,4-5',
        'bytes=abc',
        'pages=1-2',
        `bytes=${'9'.repeat(40)}-`,
        'bytes=3-2',
      ]) {
        const whole = await rawGet(server.port, path, { range }, { timeoutMs: 3000 })
        expect(whole.closed, `${path} ${range}`).toBe(true)
        expect(whole.status, `${path} ${range}`).toBe(200)
        expect(body(whole.data), `${path} ${range}`).toBe(text)
      }
    }
    expect((await rawGet(server.port, '/api/health')).status).toBe(200)
  })

  it('a file that fails while being sent (deleted after start) ends its response; the server stays up', async () => {
    rmSync(join(dist, 'assets/removed.js'))
    const reply = await rawGet(server.port, '/assets/removed.js', {}, { timeoutMs: 3000 })
    expect(reply.closed).toBe(true)
    expect(reply.data).not.toContain('soon gone')
    expect((await rawGet(server.port, '/api/health')).status).toBe(200)
  })
})
