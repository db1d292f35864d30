import type { InProcessServer } from '../../test/inProcessServer.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'

let server: InProcessServer
beforeAll(async () => {
  server = await startInProcess()
})
afterAll(() => server.close())

describe('gET /api/token', () => {
  it('confirms the presenter token (200) and refuses any other (401), so a link\'s token is kept only when right', async () => {
    const check = (authorization?: string) => fetch(`${server.url}/api/token`, {
      headers: authorization
        ? { authorization }
        : {},
    })
    const good = await check(`Bearer ${TOKEN}`)
    expect(good.status).toBe(200)
    expect(await good.json()).toEqual({ ok: true })
    for (const wrong of [
      undefined,
      'Bearer anything',
      `Bearer ${TOKEN}x`,
      TOKEN,
    ])
      expect((await check(wrong)).status, String(wrong)).toBe(401)
  })
})
