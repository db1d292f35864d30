import type { IncomingMessage } from 'node:http'

interface Source {
  /** 'https:' etc.; undefined when the source named only a host (any scheme). */
  protocol?: string
  /** A host name, or '*.example.org' for its subdomains; undefined for '*' (any). */
  hostname?: string
  port: string
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  }
  catch {
    return undefined
  }
}

/** An origin as PUBLIC_URL or FRAME_ANCESTORS give it: `https://site[:port]`, `https://*.site`, `site`, or `*`. */
function parseSource(text: string): Source | undefined {
  if (text === '*')
    return { port: '' }
  const url = parseUrl(text.includes('://')
    ? text
    : `any://${text}`)
  if (!url)
    return undefined
  return {
    protocol: url.protocol === 'any:'
      ? undefined
      : url.protocol,
    hostname: url.hostname,
    port: url.port,
  }
}

function matches(source: Source, origin: URL): boolean {
  if (source.hostname === undefined)
    return true
  if (source.protocol !== undefined && source.protocol !== origin.protocol)
    return false
  const host = source.hostname.startsWith('*.')
    ? origin.hostname.endsWith(source.hostname.slice(1))
    : origin.hostname === source.hostname
  return host && source.port === origin.port
}

/**
 * Which web pages may make their visitors vote or open the WebSocket: the deck's own (the Host the
 * request came to; its scheme is ignored, since a TLS proxy may stand in front) and the `allowed` origins.
 * A request without an Origin header (a script, the CLI, a non-browser client) is no cross-site request.
 */
export function createOriginCheck(allowed: string[]): (req: IncomingMessage) => boolean {
  const sources = allowed.map(parseSource).filter(source => source !== undefined)
  return (req) => {
    const origin = req.headers.origin
    if (origin === undefined)
      return true
    const url = parseUrl(origin)
    if (!url)
      return false
    return url.host === req.headers.host || sources.some(source => matches(source, url))
  }
}
