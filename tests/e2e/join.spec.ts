import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'
import { drawnTexts } from './textSize'
import { auth } from './votes'

const slides = await loadSlides()
const joinSlide = slides.find(s => s.layout === 'join')!
const firstPoll = slides.find(s => s.poll)!
test.use({
  viewport: { width: 1920, height: 1080 },
})

test('a join slide comes before the first poll: a QR code the back row can scan, the address in large type', async ({ page, request }) => {
  expect(joinSlide.no).toBeLessThan(firstPoll.no)
  const { joinUrl } = await (await request.get('/api/info')).json() as { joinUrl: string }
  await page.goto(`/${joinSlide.no}`)
  const slide = page.locator(`.slidev-page-${joinSlide.no}`)
  const url = slide.getByTestId('join-screen-url')
  await expect(url).toHaveText(joinUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''))
  const box = (await slide.boundingBox())!
  const qr = (await slide.getByRole('img', { name: /QR code to vote/ }).boundingBox())!
  console.log(`join slide at 1920×1080: QR ${Math.round(qr.height)} px of ${Math.round(box.height)} px`)
  expect(qr.height / box.height).toBeGreaterThanOrEqual(0.6)
  expect(Math.min(...(await drawnTexts(url)).map(t => t.px))).toBeGreaterThanOrEqual(48)
  expect((await drawnTexts(slide)).filter(t => t.px < 24)).toEqual([])
  await slide.screenshot({
    path: test.info().outputPath('join-slide.png'),
  })
})

test('a workshop\'s join screen shows its session code, and the QR code carries it', async ({ page, request }) => {
  const { code } = await (await request.post('/api/sessions', { headers: auth })).json() as { code: string }
  await page.goto(`/${joinSlide.no}?session=${code}`)
  const slide = page.locator(`.slidev-page-${joinSlide.no}`)
  await expect(slide.getByTestId('join-screen-code')).toContainText(code)
  await expect(slide.getByTestId('join-screen-url')).toHaveText(new RegExp(`/v/${code}$`))
  await expect(slide.getByRole('img', { name: /QR code to vote/ })).toHaveAttribute('aria-label', new RegExp(`session=${code}$`))
  await request.delete(`/api/sessions/${code}`, { headers: auth })
})

test('`j` shows the join screen over any slide and hides it again; from the presenter view, on the projector', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })
  const projector = await context.newPage()
  await projector.goto(`/3?token=${presenterToken}`)
  await expect(projector.locator('.slidev-page-3')).toBeVisible()
  const overlay = projector.getByTestId('join-screen')
  await expect(overlay).toHaveCount(0)
  await projector.keyboard.press('j')
  await expect(overlay).toBeVisible()
  const qr = (await overlay.getByRole('img', { name: /QR code to vote/ }).boundingBox())!
  expect(qr.height / 1080).toBeGreaterThanOrEqual(0.6)
  await projector.keyboard.press('j')
  await expect(overlay).toHaveCount(0)
  // The slide did not move.
  await expect(projector).toHaveURL(/\/3(\?|$)/)

  const presenter = await context.newPage()
  await presenter.goto('/presenter/3')
  await expect(presenter.locator('.slidev-page-3').first()).toBeVisible()
  await presenter.keyboard.press('j')
  await expect(overlay).toBeVisible()
  await presenter.keyboard.press('j')
  await expect(overlay).toHaveCount(0)
  await context.close()
})

test('on a workshop\'s poll slide the short address breaks only after a slash, never inside the session code', async ({ page, request }) => {
  const { code } = await (await request.post('/api/sessions', { headers: auth })).json() as { code: string }
  // A room's LAN address, as long as one gets: the test server's own (127.0.0.1) fits on one line.
  const lan = '192.168.100.123:3030'
  await page.route('**/api/info', async (route) => {
    const response = await route.fetch()
    await route.fulfill({
      response,
      json: {
        ...await response.json(),
        joinUrl: `http://${lan}/vote/`,
      },
    })
  })
  await page.goto(`/${firstPoll.no}?session=${code}`)
  const slide = page.locator(`.slidev-page-${firstPoll.no}`)
  const url = slide.getByTestId('join-url')
  await expect(url).toHaveText(`${lan}/v/${code}`)
  await page.evaluate(() => document.fonts.ready)
  // The address's lines as drawn: its characters grouped by the line box they sit on.
  const lines = await url.evaluate((el) => {
    const drawn = new Map<number, string>()
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getClientRects()[0]
        if (!rect || !node.textContent![i]!.trim())
          continue
        const top = Math.round(rect.top)
        drawn.set(top, (drawn.get(top) ?? '') + node.textContent![i])
      }
    }
    return [
      ...drawn.entries(),
    ].sort(([a], [b]) => a - b).map(([, text]) => text)
  })
  console.log(`workshop poll slide at 1920×1080, the address in lines: ${JSON.stringify(lines)}`)
  await slide.screenshot({
    path: test.info().outputPath('workshop-poll-slide.png'),
  })
  expect(lines.join('')).toBe(`${lan}/v/${code}`)
  for (const line of lines.slice(0, -1))
    expect(line).toMatch(/\/$/)
  expect(lines.at(-1)).toContain(code)
  await request.delete(`/api/sessions/${code}`, { headers: auth })
})
