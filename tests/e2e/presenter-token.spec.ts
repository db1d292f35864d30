import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'

const pollSlide = (await loadSlides()).find(s => s.poll === 'twenty-years')!.no
const kept = (page: Page) => page.evaluate(() => localStorage.getItem('live-polls:presenter-token'))
const controls = (page: Page) => page.locator(`.slidev-page-${pollSlide} [data-testid="controls"]`).first()

async function presenterView(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`/presenter/${pollSlide}${query}`)
  await expect(page.locator(`.slidev-page-${pollSlide} [data-poll="twenty-years"]`).first()).toBeVisible()
  return page
}

test('a link with a good token is kept; a link with a wrong one neither replaces it nor removes the controls', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
  })
  const first = await presenterView(context, `?token=${presenterToken}`)
  await expect(controls(first)).toBeVisible()
  await expect.poll(() => kept(first)).toBe(presenterToken)
  await expect(first).not.toHaveURL(/token=/)

  const tricked = await presenterView(context, '?token=anything')
  // The wrong token leaves the address bar too, and is not kept.
  await expect(tricked).not.toHaveURL(/token=/)
  await expect(controls(tricked)).toBeVisible()
  await tricked.waitForTimeout(1000)
  expect(await kept(tricked)).toBe(presenterToken)
  await expect(controls(tricked)).toBeVisible()
  await tricked.reload()
  await expect(controls(tricked)).toBeVisible()

  // The console opened by a wrong link stays unlocked with the kept token.
  const console = await context.newPage()
  await console.goto('/console/?token=anything')
  await expect(console.getByRole('button', { name: 'New workshop session' })).toBeVisible()
  expect(await kept(console)).toBe(presenterToken)
})

test('a wrong token in a link on a fresh browser is not kept and shows no controls', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
  })
  const page = await presenterView(context, '?token=anything')
  await page.waitForTimeout(1000)
  expect(await kept(page) ?? '').toBe('')
  await expect(controls(page)).toHaveCount(0)
  // A good link afterwards is kept, and brings the controls.
  await page.goto(`/presenter/${pollSlide}?token=${presenterToken}`)
  await expect(controls(page)).toBeVisible()
  await expect.poll(() => kept(page)).toBe(presenterToken)
})
