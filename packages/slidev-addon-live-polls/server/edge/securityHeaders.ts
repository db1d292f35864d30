import type { RequestHandler } from './http.ts'

// A name or IPv4 address, or a bracketed IPv6 address, with an optional port; nothing that could end
// the directive. Character classes that exclude the ':' after them: no backtracking.
const plainHost = /^(?:[\w.-]+|\[[\d:a-f.]+\])(?::\d{1,5})?$/i

/**
 * The Content-Security-Policy of everything served: the deck, the voting page, the console and the API.
 * Everything comes from this origin, nothing remote. Measured against the built app in Chromium
 * (tests/e2e/csp.spec.ts): no inline script, eval or worker is needed. What is: inline styles
 * (Mermaid's and Slidev's generated <style> elements and style attributes), `data:` images (the icons of
 * Slidev's controls, the pages' empty favicon) and `data:` fonts (small font files the build inlines).
 * `'self'` covers this origin's WebSocket in current browsers, but Safari before 16 (phones that cannot
 * update) needs it spelled out: the request's own host, when it is a plain host name or address.
 * `frame-ancestors` says which sites may show the deck or a poll in an iframe: the deck's own origin,
 * plus those the organiser lists in FRAME_ANCESTORS.
 */
function contentSecurityPolicy(frameAncestors: string, host: string | undefined): string {
  const socket = host && plainHost.test(host)
    ? ` ws://${host} wss://${host}`
    : ''
  return [
    'default-src \'self\'',
    'script-src \'self\'',
    'style-src \'self\' \'unsafe-inline\'',
    'img-src \'self\' data:',
    'font-src \'self\' data:',
    `connect-src 'self'${socket}`,
    'object-src \'none\'',
    'base-uri \'self\'',
    'form-action \'self\'',
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

/** Headers on every response. */
export function createSecurityHeaders(frameAncestors: string[]): RequestHandler {
  const ancestors = ['\'self\'', ...frameAncestors].join(' ')
  return (req, res, next) => {
    res.setHeader('content-security-policy', contentSecurityPolicy(ancestors, req.headers.host))
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    next()
  }
}
