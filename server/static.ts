import type { RequestHandler } from './http.ts'
import sirv from 'sirv'

/** Serves the built deck with SPA fallback: every unknown path gets index.html (Slidev routes). */
export function createStaticHandler(dir: string): RequestHandler {
  return sirv(dir, { single: true, etag: true, gzip: false, dev: false })
}
