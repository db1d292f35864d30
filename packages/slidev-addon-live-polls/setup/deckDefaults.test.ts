import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { resolveOptions } from '@slidev/cli'
import { injectPreparserExtensionLoader } from '@slidev/parser/fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import preparser from './preparser'

// As `slidev` does (its cli.mjs): the preparser setups of the deck's addons run while it parses the deck.
beforeAll(() => {
  injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) => preparser({ filepath, headmatter, mode }))
})

// A deck beside the addon's fixture, where `addons: [slidev-addon-live-polls]` resolves as in a user's deck.
const dir = mkdtempSync(join(resolve(import.meta.dirname, '../test'), 'deck-defaults-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function deck(headmatter: string): Promise<Awaited<ReturnType<typeof resolveOptions>>> {
  const entry = join(dir, `${Math.random().toString(36).slice(2)}.md`)
  // Fonts from the browser, as in examples/minimal (Slidev's default is Google Fonts, the deck's choice to make).
  writeFileSync(entry, `---\ntitle: Outside deck\naddons: [slidev-addon-live-polls]\nfonts:\n  provider: none\n${headmatter}---\n\n# One\n`)
  return resolveOptions({ entry }, 'dev')
}

describe('what a deck that loads the addon gets unless it asks otherwise', () => {
  it('a local favicon, so that its pages make no third-party request; and no MCP endpoint', async () => {
    const options = await deck('')
    expect(options.data.config.favicon).toMatch(/^data:image\/svg\+xml,/)
    expect(options.utils.indexHtml).not.toMatch(/(?:href|src)="https?:/)
    expect(options.utils.indexHtml).not.toContain('jsdelivr')
    // What Slidev's `/__mcp` middleware and its banner read.
    expect(options.data.config.mcp).toBe(false)
  }, 60_000)

  it('the deck\'s own favicon and MCP setting when its headmatter names them', async () => {
    const options = await deck('favicon: /icon.png\nmcp: true\n')
    expect(options.data.config.favicon).toBe('/icon.png')
    expect(options.data.config.mcp).toBe(true)
    const off = await deck('mcp: false\n')
    expect(off.data.config.mcp).toBe(false)
  }, 60_000)
})
