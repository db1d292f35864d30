import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'

const slides = await loadSlides()

/** Collects console errors and failed page loads while a test runs. */
function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', msg => msg.type() === 'error' && errors.push(msg.text()))
  page.on('pageerror', err => errors.push(err.message))
  return errors
}

/** Elements of slide `no` that stick out of the slide box, by more than a pixel. */
async function overflowing(page: Page, no: number): Promise<string[]> {
  return page.locator(`.slidev-page-${no}`).evaluate((slide) => {
    const box = slide.getBoundingClientRect()
    const out: string[] = []
    // Mermaid's SVG lives in a shadow root, which querySelectorAll does not enter: a diagram too big for its box
    // overflows there.
    const elements: Element[] = []
    const roots: ParentNode[] = [slide]
    while (roots.length > 0) {
      for (const el of roots.pop()!.querySelectorAll('*')) {
        elements.push(el)
        if (el.shadowRoot)
          roots.push(el.shadowRoot)
      }
    }
    for (const el of elements) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0)
        continue
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: "${(el.textContent ?? '').slice(0, 40)}"`)
    }
    return out
  })
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    for (const slide of slides) {
      test(`slide ${slide.no} "${slide.title}" renders cleanly`, async ({ page }) => {
        const errors = watchErrors(page)
        await page.goto(`/${slide.no}`)
        const root = page.locator(`.slidev-page-${slide.no}`)
        await expect(root).toBeVisible()
        if (slide.title)
          await expect(root.locator('h1').first()).toContainText(slide.title.slice(0, 20))
        // Every Mermaid block turns into an SVG, never into Mermaid's error text.
        await expect(root.locator('svg[id^="mermaid"], svg[aria-roledescription]')).toHaveCount(slide.mermaidBlocks, { timeout: 30_000 })
        await expect(root).not.toContainText('Syntax error')
        await page.evaluate(() => document.fonts.ready)
        expect(await overflowing(page, slide.no)).toEqual([])
        // The speaker's footer, where it has one, sits in the slide's bottom-left corner on every layout.
        for (const footer of await root.locator('.deck-footer').all()) {
          const [slideBox, footerBox] = [(await root.boundingBox())!, (await footer.boundingBox())!]
          expect(footerBox.x - slideBox.x).toBeLessThan(slideBox.width * 0.1)
          expect(slideBox.y + slideBox.height - (footerBox.y + footerBox.height)).toBeLessThan(slideBox.height * 0.06)
        }
        expect(errors).toEqual([])
      })
    }
  })
}

test('arrow keys move between slides', async ({ page }) => {
  await page.goto('/1')
  await expect(page.locator('.slidev-page-1')).toBeVisible()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/\/2$/)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/\/3$/)
  await page.keyboard.press('ArrowLeft')
  await expect(page).toHaveURL(/\/2$/)
})

test('the overview lists every slide and jumps to one', async ({ page }) => {
  await page.goto('/1')
  await expect(page.locator('.slidev-page-1')).toBeVisible()
  await page.keyboard.press('o')
  const overview = page.locator('.z-modal').first()
  await expect(overview).toBeVisible()
  await expect(overview.locator('.slidev-page')).toHaveCount(slides.length)
  // Cards are in slide order; the card's frame takes the click.
  await overview.locator('.inline-block').nth(4).click()
  await expect(page).toHaveURL(/\/5$/)
})
