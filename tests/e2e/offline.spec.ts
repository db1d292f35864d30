import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'

const slides = await loadSlides()

test('no slide asks any host but the deck\'s own', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).host
  const foreign: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.protocol.startsWith('http') && url.host !== own)
      foreign.push(req.url())
  })
  for (const slide of slides) {
    await page.goto(`/${slide.no}`, { waitUntil: 'networkidle' })
    await expect(page.locator(`.slidev-page-${slide.no}`)).toBeVisible()
  }
  // The presenter view and the overview load their own chunks: check those too.
  await page.goto('/presenter/1', { waitUntil: 'networkidle' })
  await page.goto('/overview', { waitUntil: 'networkidle' })
  expect(foreign).toEqual([])
})
