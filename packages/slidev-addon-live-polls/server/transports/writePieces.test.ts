import type { AddressInfo } from 'node:net'
import { createServer, request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { sendPieces } from './writePieces'

/** Endless 64 KB pieces, counting those made, and noting when they stop being asked for. */
function endless() {
  const made = { pieces: 0, stopped: false }
  async function* pieces(): AsyncGenerator<string> {
    try {
      for (;;) {
        made.pieces += 1
        yield 'x'.repeat(64 * 1024)
      }
    }
    finally {
      made.stopped = true
    }
  }
  return {
    made,
    pieces: pieces(),
  }
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string, close: () => Promise<void> }> {
  const server = createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}

describe('sendPieces', () => {
  it('makes no more pieces than a reader that stopped reading leaves room for, and stops when it goes away', async () => {
    const { made, pieces } = endless()
    let sent: Promise<void> | undefined
    const server = await serve((_req, res) => {
      sent = sendPieces(res, { 'content-type': 'text/plain' }, pieces)
      sent.catch(() => res.destroy())
    })
    try {
      const req = request(server.url)
      const res = await new Promise<import('node:http').IncomingMessage>(resolve => req.on('response', resolve).end())
      expect(res.statusCode).toBe(200)
      res.pause()
      await sleep(500)
      const held = made.pieces
      await sleep(500)
      // Socket buffers fill (a few MB on loopback), then nothing more is made while the reader reads nothing.
      console.log(`a reader that reads nothing: ${held} pieces of 64 KB made, ${made.pieces} half a second later`)
      expect(made.pieces).toBe(held)
      expect(held).toBeLessThan(200)
      res.destroy()
      await sent!.catch(() => {})
      expect(made.stopped).toBe(true)
    }
    finally {
      await server.close()
    }
  })

  it('answers with the error, not a cut 200, when the first piece cannot be made', async () => {
    async function* failing(): AsyncGenerator<string> {
      throw new Error('database gone')
    }
    const server = await serve((_req, res) => {
      sendPieces(res, {}, failing()).catch(() => {
        expect(res.headersSent).toBe(false)
        res.writeHead(503).end('later')
      })
    })
    try {
      const res = await fetch(server.url)
      expect(res.status).toBe(503)
    }
    finally {
      await server.close()
    }
  })
})
