import type { ServerResponse } from 'node:http'
import type { Writable } from 'node:stream'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'

async function* turnByTurn(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const piece of pieces) {
    yield piece
    // Whatever the reader's speed, the event loop gets a turn between pieces: votes are handled between them.
    await nextTurn()
  }
}

/**
 * Writes an export's pieces to `out` as they are made: no more is made while `out` is full (a slow reader holds
 * back the export, not the server's memory), and a reader that goes away stops the reading of rows. `end:
 * false` for stdout, which must not be ended.
 */
export async function writePieces(out: Writable, pieces: AsyncIterable<string>, { end = true } = {}): Promise<void> {
  await pipeline(Readable.from(turnByTurn(pieces), { objectMode: false }), out, { end })
}

/**
 * A 200 with these headers and the pieces as its body. The first piece is made before anything is sent, so a
 * database that cannot be read still gets its error status; a failure later cuts the response short (the
 * API's handler ends the connection), which a client tells from a complete download.
 */
export async function sendPieces(res: ServerResponse, headers: Record<string, string>, pieces: AsyncIterable<string>): Promise<void> {
  const iterator = pieces[Symbol.asyncIterator]()
  const first = await iterator.next()
  res.writeHead(200, { 'cache-control': 'no-store', ...headers })
  await writePieces(res, (async function* () {
    try {
      if (first.done)
        return
      yield first.value
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield next.value
    }
    finally {
      // Also when the reader went away: the rows stop being read.
      await iterator.return?.()
    }
  })())
}
