import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'

const slides = await loadSlides()
const pollSlide = slides.find(s => s.poll)!.no

test('a phone with an unknown workshop code shows that alone, not "Connecting…" beside it', async ({ browser }) => {
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
  })
  await phone.goto('/v/ZZZZ0O')
  await expect(phone.getByRole('alert')).toHaveText(/workshop code is not known/)
  await phone.screenshot({ path: 'test-results/phone-unknown-code.png' })
  const text = await phone.locator('main').textContent() ?? ''
  console.log(`phone page with an unknown code: ${JSON.stringify(text)}`)
  expect(text).not.toMatch(/Connecting/i)
  await expect(phone.getByRole('status')).toHaveCount(0)
})

test('the poll slide\'s QR code encodes the audience address from its first drawing, even when the server answers late', async ({ page, request }) => {
  const { joinUrl } = await (await request.get('/api/info')).json() as { joinUrl: string }
  // A slow answer, as on a busy laptop: whatever the slide draws meanwhile is what the room scans.
  await page.route('**/api/info', async (route) => {
    await new Promise(resolve => setTimeout(resolve, 1000))
    await route.continue()
  })
  // Every address a drawn QR code stood for, recorded from the page's first moment.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { qrSeen: string[] }).qrSeen = seen
    new MutationObserver(() => {
      for (const qr of document.querySelectorAll('[aria-label^="QR code to vote"]')) {
        const label = qr.getAttribute('aria-label')!
        if (qr.querySelector('svg') && seen.at(-1) !== label)
          seen.push(label)
      }
    }).observe(document, { subtree: true, childList: true, attributes: true })
  })
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto(`/${pollSlide}`)
  await expect(page.locator(`.slidev-page-${pollSlide} [aria-label^="QR code to vote"] svg`)).toBeVisible({ timeout: 20_000 })
  await page.waitForTimeout(500)
  await page.screenshot({ path: 'test-results/poll-slide-qr.png' })
  const seen = await page.evaluate(() => (window as unknown as { qrSeen: string[] }).qrSeen)
  console.log(`audience address ${joinUrl}; QR codes drawn: ${JSON.stringify(seen)}`)
  expect(seen.length).toBeGreaterThan(0)
  for (const label of seen)
    expect(label).toContain(joinUrl)
})
