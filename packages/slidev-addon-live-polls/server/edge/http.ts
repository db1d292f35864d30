import type { IncomingMessage, ServerResponse } from 'node:http'

/** Connect-style handler, the shape both Vite's middleware stack and our Node server use. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void

/**
 * The request's URL, from its path alone: `//evil.example/console/` is the path `//evil.example/console/` on
 * this server, never a URL of another host (as `new URL(target, base)` would read it). An absolute-form
 * target (`GET http://host/path`) counts by its path. Undefined for a target no URL parser accepts
 * (e.g. `//x:99999/`): such a request must be refused, never allowed to throw.
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? '/'
  try {
    const url = new URL(target.startsWith('/')
      ? `http://localhost${target}`
      : target)
    return target.startsWith('/')
      ? url
      : new URL(`http://localhost${url.pathname}${url.search}`)
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
