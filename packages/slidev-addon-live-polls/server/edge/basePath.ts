import type { IncomingMessage } from 'node:http'

/** '/workshop' or 'workshop/' → '/workshop/'; '' → '/'. */
export function normalizeBase(base = '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

/**
 * Rewrites `req.url` to be relative to the base path, so every handler sees the same routes under
 * `/` or `/workshop/`. False when the request is outside the base path.
 */
export function stripBase(req: IncomingMessage, base: string): boolean {
  if (base === '/')
    return true
  const url = req.url ?? '/'
  if (url === base.slice(0, -1) || url.startsWith(base)) {
    req.url = `/${url.slice(base.length)}`
    return true
  }
  return false
}
