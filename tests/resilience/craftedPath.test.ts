import type { ServerProcess } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawExchange, rawGet } from '../../packages/slidev-addon-live-polls/test/rawHttp'
import { startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist } from '../fixtureDist'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({
    DECK_DIST: fixtureDist(),
    POLL_DB: tempDb(),
  })
})
afterAll(() => server.stop())

describe('a crafted path', () => {
  it('is a path on this server: `//host/console/` does not serve the console', async () => {
    for (const path of ['//attack../console/', '//attack../vote/', '//evil.example/console/index.html']) {
      const reply = await rawGet(server.port, path)
      console.log(`GET ${path} → ${reply.status}`)
      expect(reply.data).not.toContain('<title>console</title>')
      expect(reply.data).not.toContain('<title>vote</title>')
    }
  })

  it('still serves the apps at their own paths, and absolute-form targets by their path', async () => {
    expect((await rawGet(server.port, '/console/')).data).toContain('<title>console</title>')
    expect((await rawGet(server.port, 'http://elsewhere.example/vote/')).data).toContain('<title>vote</title>')
  })
})

describe('static files', () => {
  it('answer 405 to methods other than GET and HEAD', async () => {
    for (const method of [
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'TRACE',
    ]) {
      for (const path of [
        '/',
        '/3',
        '/assets/app.js',
        '/vote/',
        '/console/',
      ]) {
        // Sent raw: fetch() refuses TRACE.
        const reply = await rawExchange(server.port, `${method} ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
        expect(reply.status, `${method} ${path}`).toBe(405)
        expect(reply.data.toLowerCase()).toContain('allow: get, head')
      }
    }
    expect((await fetch(`${server.url}/`, { method: 'HEAD' })).status).toBe(200)
  })
})
