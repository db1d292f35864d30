import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'
import { openSlide } from './openSlide'
import { drawnTexts, textsSmallerThan } from './textSize'

const slides = await loadSlides()
const byTitle = (title: string) => slides.find(s => s.title === title)!

// On a projector at 1920×1080, text under ~24 px cannot be read from the back of the room.
test.use({
  viewport: { width: 1920, height: 1080 },
})

// Poll slides as they stand here (waiting or with results); poll-slides.spec.ts checks both states of each.
for (const slide of slides) {
  test(`slide ${slide.no} "${slide.title.slice(0, 50)}": no text under 24 px`, async ({ page }) => {
    const root = await openSlide(page, slide)
    expect(await textsSmallerThan(root, 24)).toEqual([])
  })
}

test('the two structure diagrams the talk compares are drawn at one scale', async ({ page }) => {
  const sizes: number[] = []
  for (const title of ['An industry OSPO, structurally', 'A public-sector OSPO, structurally']) {
    const texts = await drawnTexts(await openSlide(page, byTitle(title)))
    // Both diagrams have a "Budget" node with the same words: its size is the diagram's scale.
    sizes.push(texts.find(t => t.text === 'Budget')!.px)
  }
  expect(sizes[0]).toBeGreaterThanOrEqual(24)
  expect(sizes[1]).toBe(sizes[0])
})
