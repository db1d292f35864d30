import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'

// Slidev draws the presenter's mirrored pointer as an SVG in an overlay over the projector's slide.
const mirroredPointer = (page: Page) => page.locator('div.pointer-events-none.text-xl > svg')

async function moveOverSlide(presenter: Page): Promise<void> {
  const slide = presenter.locator('#slide-content').first()
  const box = (await slide.boundingBox())!
  for (let i = 1; i <= 5; i++)
    await presenter.mouse.move(box.x + (box.width * i) / 6, box.y + box.height / 2)
}

test('the presenter\'s mouse pointer stays off the projector until the presenter turns it on', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
  })
  const projector = await context.newPage()
  await projector.goto('/2')
  const presenter = await context.newPage()
  await presenter.goto('/presenter/2')
  await expect(presenter.locator('#slide-content').first()).toBeVisible()
  await presenter.bringToFront()
  await moveOverSlide(presenter)
  await presenter.waitForTimeout(800)
  const shownByDefault = await mirroredPointer(projector).count()
  console.log(`mirrored pointers on the projector by default: ${shownByDefault}`)
  expect(shownByDefault).toBe(0)

  // Turned on from the presenter's toolbar, it is mirrored (so the test sees it when it is there).
  await presenter.locator('button[title="Show presenter cursor"]').first().click()
  await moveOverSlide(presenter)
  await expect(mirroredPointer(projector).first()).toBeAttached({ timeout: 5000 })
  await context.close()
})
