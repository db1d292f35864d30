import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'
import { openSlide } from './openSlide'

const slides = await loadSlides()
const byTitle = (title: string) => slides.find(s => s.title === title)!

test.use({
  viewport: { width: 1920, height: 1080 },
})

for (const slide of slides.filter(s => s.mermaidBlocks > 0)) {
  test(`slide ${slide.no} "${slide.title}": edge labels sit on the slide's own colour`, async ({ page }) => {
    const root = await openSlide(page, slide)
    const found = await root.evaluate((slideEl) => {
      const paint = (el: Element | null): string => {
        for (; el; el = el.parentElement) {
          const bg = getComputedStyle(el).backgroundColor
          if (bg !== 'rgba(0, 0, 0, 0)')
            return bg
        }
        return 'rgb(255, 255, 255)'
      }
      const out: { label: string, paint: string, slide: string }[] = []
      for (const host of slideEl.querySelectorAll('.mermaid')) {
        const slideColour = paint(host)
        for (const label of host.shadowRoot?.querySelectorAll('g.edgeLabel') ?? []) {
          const text = label.querySelector('p, span, text')
          if (text?.textContent?.trim()) {
            out.push({
              label: text.textContent.trim(),
              paint: paint(text),
              slide: slideColour,
            })
          }
        }
      }
      return out
    })
    for (const label of found)
      expect(label.paint, `label "${label.label}"`).toBe(label.slide)
  })
}

test('the maturity model climbs from low effort and value to high, on labelled axes', async ({ page }) => {
  const root = await openSlide(page, byTitle('The Open Source Maturity model'))
  await expect(root.getByText('Effort for the organisation')).toBeVisible()
  await expect(root.getByText('Value for the organisation')).toBeVisible()
  const levels = [
    '1. Accidental',
    '2. Repetitive',
    '3. Directed',
    '4. Collaborate',
    '5. Prevail',
  ]
  const boxes = await Promise.all(levels.map(async level => (await root.getByText(level).boundingBox())!))
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.x, `${levels[i]} right of ${levels[i - 1]}`).toBeGreaterThan(boxes[i - 1]!.x)
    expect(boxes[i]!.y, `${levels[i]} above ${levels[i - 1]}`).toBeLessThan(boxes[i - 1]!.y)
  }
  await expect(root.getByText('Engineering driven')).toBeVisible()
  await expect(root.getByText('Business driven')).toBeVisible()
})
