import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { describe, expect, it } from 'vitest'
import { rawGet } from '../../test/rawHttp'
import { chain } from './http'

describe('chain', () => {
  it('ends the connection when a handler fails after sending its headers, and answers 500 before', async () => {
    const server = createServer(chain((req, res) => {
      if (req.url === '/late')
        res.writeHead(200, { 'content-length': 100 })
      throw new Error('handler failed')
    }))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const late = await rawGet(port, '/late', {}, { timeoutMs: 3000 })
      console.log(`failure after headers: connection ended after ${late.ms.toFixed(1)} ms`)
      expect(late.closed).toBe(true)
      // Its head may or may not have left: either way, no complete response.
      expect(late.data).not.toContain('handler failed')
      expect((await rawGet(port, '/early')).status).toBe(500)
    }
    finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
