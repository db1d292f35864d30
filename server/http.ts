import type { IncomingMessage, ServerResponse } from 'node:http'

/** Connect-style handler, the shape both Vite's middleware stack and our Node server use. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void

/**
 * The request's URL, or undefined for a target no URL parser accepts (e.g. `//x:99999/`, which Node's
 * HTTP parser lets through): such a request must be refused, never allowed to throw.
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost')
  }
  catch {
    return undefined
  }
}

/**
 * Runs handlers in order; the last `next` answers 404; a handler that throws answers 500, or, when its
 * headers are already sent, ends the connection: a response cut short must not leave the client waiting.
 */
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
      try {
        handler(req, res, next)
      }
      catch (error) {
        if (res.headersSent)
          res.destroy()
        else next(error)
      }
    }
    next()
  }
}
