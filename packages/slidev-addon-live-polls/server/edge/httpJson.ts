import type { IncomingMessage, ServerResponse } from 'node:http'
import { Buffer } from 'node:buffer'
import * as v from 'valibot'
import { PollError } from '../domain/pollError.ts'

export const MAX_BODY_BYTES = 16 * 1024

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/** Whether the request says its body is JSON (`application/json`, any parameters): what a plain HTML form or `text/plain` fetch cannot send without CORS. */
export function isJsonBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

/** Reads a JSON body of at most 16 KiB; 413 past that, 400 when it is not JSON. */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      req.resume()
      reject(new PollError(413, `body over ${MAX_BODY_BYTES} bytes`))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Stop reading but keep the socket, so the 413 can still be sent (with `connection: close`).
        req.removeAllListeners('data')
        req.pause()
        reject(new PollError(413, `body over ${MAX_BODY_BYTES} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on('error', reject)
    req.on('end', () => {
      try {
        // fatal: invalid UTF-8 is refused rather than silently replaced.
        const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
        resolve(JSON.parse(text))
      }
      catch {
        reject(new PollError(400, 'body must be JSON (UTF-8)'))
      }
    })
  })
}

/** Reads a JSON body and checks it against `schema`: 400 with the first issue's message when it does not fit. */
export async function parseBody<S extends v.GenericSchema>(req: IncomingMessage, schema: S): Promise<v.InferOutput<S>> {
  const body = v.safeParse(schema, await readJson(req))
  if (!body.success)
    throw new PollError(400, body.issues[0].message)
  return body.output
}
