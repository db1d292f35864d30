import type { AddressInfo } from 'node:net'
import type { ServerProcess } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { expect, test } from '@playwright/test'
import { freePort, root, startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { loadSlides } from '../deck'

const slides = await loadSlides()
const pollSlide = slides.find(s => s.poll === 'has-ospo')!.no

/** A page on another origin, as a workshop site or an LMS would be. */
async function hostPage(html: string) {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  }
}

test.describe('embedding', () => {
  test.describe.configure({ timeout: 240_000 })
  let deck: ServerProcess
  let allowedOrigin: string
  const allowed = { port: 0 }

  test.beforeAll(async () => {
    // The deck built for a base path, served by the real server under that path.
    const dist = join(mkdtempSync(join(tmpdir(), 'deck-base-')), 'dist')
    execFileSync(process.execPath, [
      'node_modules/@slidev/cli/bin/slidev.mjs',
      'build',
      '--base',
      '/workshop/',
      '--out',
      dist,
    ], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    for (const app of ['vote', 'console'])
      cpSync(join(root, 'dist', app), join(dist, app), { recursive: true })
    allowed.port = await freePort()
    allowedOrigin = `http://127.0.0.1:${allowed.port}`
    deck = await startServer({
      DECK_DIST: dist,
      BASE_PATH: '/workshop/',
      POLL_DB: tempDb(),
      PRESENTER_TOKEN: 'embed-token-12345',
      FRAME_ANCESTORS: allowedOrigin,
    })
  })
  test.afterAll(() => deck.stop())

  test('the deck runs under a base path inside an iframe, and a single poll embeds on its own', async ({ page }) => {
    const headers = (await page.request.get(`${deck.url}/workshop/`)).headers()
    expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${allowedOrigin}`)

    const host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Workshop</title>
      <iframe id="deck" src="${deck.url}/workshop/${pollSlide}?embedded" width="960" height="540" allowfullscreen></iframe>
      <iframe id="poll" src="${deck.url}/workshop/vote/?poll=twenty-years" width="380" height="600"></iframe>`))
    await new Promise<void>(resolve => host.listen(allowed.port, '127.0.0.1', resolve))
    try {
      await page.goto(allowedOrigin)
      const deckFrame = page.frameLocator('#deck')
      await expect(deckFrame.locator(`.slidev-page-${pollSlide} [data-poll="has-ospo"]`)).toBeVisible()
      await expect(deckFrame.locator(`.slidev-page-${pollSlide}`).getByTestId('join-url')).toHaveText(/\/workshop\/vote$/)

      const pollFrame = page.frameLocator('#poll')
      await expect(pollFrame.locator('legend')).toHaveText(/public sector is where industry was 20 years ago/)
      await pollFrame.getByLabel('4', { exact: true }).check()
      await pollFrame.getByRole('button', { name: 'Send my answer' }).click()
      await expect(pollFrame.getByText('Vote received')).toBeVisible()
      const results = await (await page.request.get(`${deck.url}/workshop/api/polls/twenty-years/results`)).json()
      expect(results).toMatchObject({
        participants: 1,
        counts: { 4: 1 },
        mean: 4,
      })
    }
    finally {
      host.close()
    }
  })

  test('a site not listed in FRAME_ANCESTORS cannot frame it', async ({ page }) => {
    const other = await hostPage(`<iframe id="deck" src="${deck.url}/workshop/1"></iframe>`)
    try {
      await page.goto(other.url)
      await expect.poll(() => page.frames().find(f => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/)
    }
    finally {
      other.close()
    }
  })
})
