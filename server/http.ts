import type { IncomingMessage, ServerResponse } from 'node:http'

/** Connect-style handler, the shape both Vite's middleware stack and our Node server use. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void

/** Runs handlers in order; the last `next` answers 404. */
export function chain(...handlers: RequestHandler[]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let i = 0
    const next = (err?: unknown): void => {
      const handler = handlers[i++]
      if (err || !handler) {
        res.statusCode = err ? 500 : 404
        res.end(err ? 'Internal error' : 'Not found')
        return
      }
      handler(req, res, next)
    }
    next()
  }
}
