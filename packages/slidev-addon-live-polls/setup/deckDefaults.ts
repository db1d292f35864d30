import type { SlidevPreparserExtension } from '@slidev/types'

/**
 * The addon's icon for a deck that names no `favicon`: Slidev's default is an image on a CDN, a third-party
 * request that the poll server's Content-Security-Policy refuses (`img-src 'self' data:`) on every view.
 */
export const LOCAL_FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
  + '<rect x="1" y="8" width="4" height="7" rx="1" fill="#2563eb"/>'
  + '<rect x="6" y="3" width="4" height="12" rx="1" fill="#2563eb"/>'
  + '<rect x="11" y="6" width="4" height="9" rx="1" fill="#2563eb"/></svg>',
)}`

/**
 * What a deck that loads the addon gets unless its headmatter says otherwise: the addon's own favicon (no request
 * to a third party), and Slidev's MCP endpoint (`/__mcp`, which lets whoever reaches the dev server rewrite the
 * slides) off. Set in the headmatter as it is parsed, so that Slidev's index page, its banner and its `/__mcp`
 * answer all read them, in dev, build and export, and again after every save.
 */
export function deckDefaults(headmatter: Record<string, unknown>): SlidevPreparserExtension {
  let seen = false
  return {
    name: 'live-polls:deck-defaults',
    async transformSlide(_content, frontmatter) {
      // The entry's first slide is parsed first: its frontmatter is the deck's headmatter.
      if (seen)
        return
      seen = true
      if (headmatter.favicon === undefined)
        frontmatter.favicon = LOCAL_FAVICON
      if (headmatter.mcp === undefined)
        frontmatter.mcp = false
    },
  }
}
