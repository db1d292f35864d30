import type { ViteDevServer } from 'vite'
import type { SlidevMode } from './vitePlugin.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deck } from '../../test/fixturePolls.ts'
import { createPollPlugin } from './vitePlugin.ts'

const token = 'vite-plugin-test-token-123'

/** The plugin on a bare Vite dev server, and what it printed once listening. */
async function printedOnListen(env: Record<string, string>, mode: SlidevMode = 'dev'): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.stubEnv('PRESENTER_TOKEN', token)
  vi.stubEnv('POLL_DB', join(mkdtempSync(join(tmpdir(), 'vite-plugin-')), 'polls.sqlite'))
  for (const [name, value] of Object.entries(env))
    vi.stubEnv(name, value)
  let server: ViteDevServer | undefined
  try {
    server = await createServer({
      configFile: false,
      root: mkdtempSync(join(tmpdir(), 'vite-root-')),
      logLevel: 'silent',
      plugins: [
        createPollPlugin(deck, mode),
      ],
      server: { host: '127.0.0.1', port: 0 },
    })
    await server.listen()
    return log.mock.calls.flat().join('\n')
  }
  finally {
    await server?.close()
    log.mockRestore()
  }
}

describe('poll plugin in a Slidev server', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('prints the presenter links for `npm run dev`', async () => {
    const printed = await printedOnListen({})
    expect(printed).toContain(`presenter/1?token=${token}`)
  })

  it('prints no links for the throwaway server of an export (POLLS_QUIET, set by cli/slidevExport.ts)', async () => {
    const printed = await printedOnListen({ POLLS_QUIET: '1' })
    console.log(`printed with POLLS_QUIET: ${JSON.stringify(printed)}`)
    expect(printed).not.toContain(token)
  })

  it('prints no links with a live token under plain `slidev export`, whose server is thrown away', async () => {
    const printed = await printedOnListen({}, 'export')
    expect(printed).not.toContain(token)
  })
})
