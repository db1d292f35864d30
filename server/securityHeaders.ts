import type { RequestHandler } from './http.ts'

/**
 * Headers on every response. `frame-ancestors` says which sites may show the deck or a poll in an
 * iframe: the deck's own origin, plus those the organiser lists in FRAME_ANCESTORS.
 */
export function createSecurityHeaders(frameAncestors: string[]): RequestHandler {
  const csp = `frame-ancestors ${['\'self\'', ...frameAncestors].join(' ')}`
  return (_req, res, next) => {
    res.setHeader('content-security-policy', csp)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    next()
  }
}
