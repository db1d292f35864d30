import type { Locator, Page } from '@playwright/test'
import type { SlideInfo } from '../deck'
import { expect } from '@playwright/test'

/** Opens `slide` and waits until it is drawn as the audience sees it: Mermaid SVGs in place, fonts loaded. */
export async function openSlide(page: Page, slide: SlideInfo): Promise<Locator> {
  await page.goto(`/${slide.no}`)
  const root = page.locator(`.slidev-page-${slide.no}`)
  await expect(root).toBeVisible()
  await expect(root.locator('svg[id^="mermaid"], svg[aria-roledescription]')).toHaveCount(slide.mermaidBlocks, { timeout: 30_000 })
  await page.evaluate(() => document.fonts.ready)
  return root
}
