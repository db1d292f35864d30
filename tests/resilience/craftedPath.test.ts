import type { ServerProcess } from '../serverProcess'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureDist } from '../fixtureDist'
import { rawGet } from '../rawHttp'
import { startServer, tempDb } from '../serverProcess'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({ DECK_DIST: fixtureDist(), POLL_DB: tempDb() })
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
