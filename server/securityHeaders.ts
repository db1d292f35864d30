import type { RequestHandler } from './http.ts'

/**
 * The Content-Security-Policy of everything served: the deck, the voting page, the console and the API.
 * Everything comes from this origin (the WebSocket too), nothing remote. Measured against the built app
 * in Chromium (tests/e2e/csp.spec.ts): no inline script, eval or worker is needed. What is: inline
 * styles (Mermaid's and Slidev's generated <style> elements and style attributes), `data:` images (the
 * icons of Slidev's controls, the pages' empty favicon) and `data:` fonts (small font files the build
 * inlines). `frame-ancestors` says which sites may show the deck or a poll in an iframe: the deck's own
 * origin, plus those the organiser lists in FRAME_ANCESTORS.
 */
function contentSecurityPolicy(frameAncestors: string[]): string {
  return [
    'default-src \'self\'',
    'script-src \'self\'',
    'style-src \'self\' \'unsafe-inline\'',
    'img-src \'self\' data:',
    'font-src \'self\' data:',
    'connect-src \'self\'',
    'object-src \'none\'',
    'base-uri \'self\'',
    'form-action \'self\'',
    `frame-ancestors ${['\'self\'', ...frameAncestors].join(' ')}`,
  ].join('; ')
}

/** Headers on every response. */
export function createSecurityHeaders(frameAncestors: string[]): RequestHandler {
  const csp = contentSecurityPolicy(frameAncestors)
  return (_req, res, next) => {
    res.setHeader('content-security-policy', csp)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    next()
  }
}
