import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'

const slides = await loadSlides()
const pollSlide = slides.find(s => s.poll === 'has-ospo')!.no
const auth = { authorization: `Bearer ${presenterToken}` }

/** Every Content-Security-Policy violation the page reports: the browser's event and its console line. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)
  }))
  page.on('console', msg => /Content Security Policy/i.test(msg.text()) && violations.push(msg.text()))
  return violations
}

test.describe.configure({ mode: 'serial' })

test('every page is served with a policy that allows only the deck\'s own scripts', async ({ page, request }) => {
  for (const path of [
    '/',
    `/${pollSlide}`,
    '/presenter/1',
    '/vote/',
    '/console/',
    '/api/health',
  ]) {
    const res = await request.get(path)
    const csp = res.headers()['content-security-policy'] ?? ''
    const { host } = new URL(res.url())
    console.log(`${path}: ${csp}`)
    expect(csp, path).toContain(`connect-src 'self' ws://${host} wss://${host};`)
    expect(csp, path).toContain('default-src \'self\'')
    expect(csp, path).toMatch(/script-src 'self'(;|$)/)
    expect(csp, path).toContain('object-src \'none\'')
    expect(csp, path).toContain('frame-ancestors \'self\'')
    expect(csp, path).not.toMatch(/https?:|\*|unsafe-eval/)
  }
  // And the browser enforces it: a script put into the page is refused, and reported.
  const violations = await watchViolations(page)
  await page.goto('/1')
  await expect(page.locator('.slidev-page-1')).toBeVisible()
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
    await new Promise(resolve => setTimeout(resolve, 100))
    return (window as { injected?: boolean }).injected ?? false
  })
  expect(ran).toBe(false)
  await expect.poll(() => violations.length).toBeGreaterThan(0)
})

test('the deck runs under the policy: every slide, Mermaid diagrams and polls included, and the overview', async ({ page }) => {
  // Every slide in one test: a loaded 2-core box needs more than the default two minutes.
  test.setTimeout(600_000)
  const violations = await watchViolations(page)
  for (const slide of slides) {
    await page.goto(`/${slide.no}`)
    const root = page.locator(`.slidev-page-${slide.no}`)
    await expect(root).toBeVisible()
    await expect(root.locator('svg[id^="mermaid"], svg[aria-roledescription]')).toHaveCount(slide.mermaidBlocks, { timeout: 30_000 })
    if (slide.poll)
      await expect(root.locator(`[data-poll="${slide.poll}"]`)).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
  }
  await page.keyboard.press('o')
  await expect(page.locator('.z-modal').first().locator('.slidev-page')).toHaveCount(slides.length)
  console.log(`${slides.length} slides (${slides.filter(s => s.mermaidBlocks).length} with Mermaid, ${slides.filter(s => s.poll).length} polls): ${violations.length} violations`)
  expect(violations).toEqual([])
})

test('the presenter view runs under the policy, with its poll controls and live socket', async ({ page }) => {
  const violations = await watchViolations(page)
  await page.goto(`/presenter/${pollSlide - 1}?token=${presenterToken}`)
  await expect(page.locator(`.slidev-page-${pollSlide - 1}`).first()).toBeVisible()
  await page.goto(`/presenter/${pollSlide}`)
  await expect(page.locator(`.slidev-page-${pollSlide} [data-testid="controls"]`).first()).toBeVisible()
  await page.goto(`/presenter/${pollSlide + 1}`)
  await expect(page.locator(`.slidev-page-${pollSlide + 1}`).first()).toBeVisible()
  expect(violations).toEqual([])
})

test('the phone page and the console run under the policy', async ({ browser, request }) => {
  await request.post('/api/current', {
    headers: auth,
    data: { poll: 'has-ospo' },
  })
  await request.post('/api/polls/has-ospo/open', { headers: auth })
  const phone = await (await browser.newContext({
    viewport: { width: 360, height: 740 },
  })).newPage()
  const phoneViolations = await watchViolations(phone)
  await phone.goto('/vote/')
  await phone.getByLabel('No', { exact: true }).check()
  await phone.getByRole('button', { name: /send my answer|change my answer/i }).click()
  await expect(phone.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
  await phone.goto('/vote/?poll=what-else')
  await expect(phone.getByLabel(/Your answer/)).toBeVisible()
  expect(phoneViolations).toEqual([])

  const laptop = await (await browser.newContext({
    viewport: { width: 1280, height: 900 },
  })).newPage()
  const consoleViolations = await watchViolations(laptop)
  await laptop.goto(`/console/?token=${presenterToken}`)
  await laptop.getByRole('button', { name: 'New workshop session' }).click()
  await expect(laptop.getByTestId('join-code')).toBeVisible()
  expect(consoleViolations).toEqual([])
})
