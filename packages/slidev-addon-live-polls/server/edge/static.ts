import type { RequestHandler } from './http.ts'
import sirv from 'sirv'
import { requestUrl } from './http.ts'

// One range, first ≤ last or open-ended; bounded digits keep the numbers exact and the match linear.
const SINGLE_RANGE = /^bytes=(\d{1,15})-(\d{0,15})$/

/**
 * A Range header sirv serves correctly: one range, first ≤ last. sirv writes its headers and then throws on
 * `bytes=5-2`, and misreads suffix (`bytes=-5`) and multiple ranges; those are ignored instead, which RFC 9110
 * allows: the whole file is sent (200). A range past the end still gets sirv's 416.
 */
function isServableRange(value: string): boolean {
  const match = SINGLE_RANGE.exec(value)
  return match !== null && (match[2] === '' || Number(match[2]) >= Number(match[1]))
}

/**
 * sirv for our files, with `ignores: false`: its default ignore pattern backtracks exponentially on paths
 * like `/a.a.a.…!` and froze the whole server for seconds per request. A file that fails while streaming
 * (e.g. deleted by a rebuild) ends its response instead of crashing the process.
 */
export function serveFiles(dir: string, options: { dev: boolean }): RequestHandler {
  const serve = sirv(dir, {
    ...options,
    etag: true,
    gzip: false,
    ignores: false,
  })
  return (req, res, next) => {
    // Files are read, never written or traced: every other method is refused, not answered with the file.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'allow': 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed')
      return
    }
    const range = req.headers.range
    if (range !== undefined && !isServableRange(range))
      delete req.headers.range
    res.once('pipe', source => source.once('error', () => res.destroy()))
    serve(req, res, next)
  }
}

/** A client-side route of the deck (`/3`, `/presenter/3`, `/overview`): a last path segment without a dot. */
function isDeckRoute(pathname: string): boolean {
  return !pathname.slice(pathname.lastIndexOf('/') + 1).includes('.')
}

/**
 * Serves the built deck with its single-page fallback: a route of the deck gets index.html; a missing file
 * (`/assets/gone.js`) falls through to 404 rather than getting HTML.
 */
export function createStaticHandler(dir: string): RequestHandler {
  const serve = serveFiles(dir, { dev: false })
  return (req, res, next) => serve(req, res, () => {
    const url = requestUrl(req)
    if (!url || !isDeckRoute(url.pathname))
      return next()
    req.url = '/index.html'
    serve(req, res, next)
  })
}
