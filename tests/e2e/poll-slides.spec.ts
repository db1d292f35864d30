import type { Poll } from '../../packages/slidev-addon-live-polls/polls/types'
import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'
import { polls } from '../deckPolls.ts'
import { drawnTexts } from './textSize'
import { castVotes, freshPoll } from './votes'

const slides = await loadSlides()
test.use({
  viewport: { width: 1920, height: 1080 },
})

/** Eleven answers of the poll's kind, spread over its options. */
function answers(poll: Poll): unknown[] {
  return Array.from({ length: 11 }, (_, i) => {
    switch (poll.kind) {
      case 'single': return poll.options[i % poll.options.length]!.id
      case 'multiple': return [poll.options[i % poll.options.length]!.id]
      case 'ranking': return poll.options.map((_, k) => poll.options[(k + i) % poll.options.length]!.id)
      case 'scale': return poll.min + (i % (poll.max - poll.min + 1))
      case 'text': return `Answer ${i % 4}`
      default: throw new Error('unknown poll kind')
    }
  })
}

for (const poll of polls) {
  const no = slides.find(s => s.poll === poll.id)!.no
  test(`poll slide "${poll.id}" is projector-grade, waiting and with results`, async ({ page, request }) => {
    await freshPoll(request, poll.id)
    await page.goto(`/${no}`)
    const slide = page.locator(`.slidev-page-${no}`)
    await expect(slide.getByTestId('placeholder')).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
    const box = (await slide.boundingBox())!
    // The deck's colour code: the room's answers are public-sector answers.
    expect(await slide.locator('.slidev-layout').evaluate(el => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 243, 220)')
    const qr = (await slide.getByRole('img', { name: /QR code to vote/ }).boundingBox())!
    expect(qr.height / box.height).toBeGreaterThanOrEqual(0.38)
    expect((await drawnTexts(slide)).filter(t => t.px < 24)).toEqual([])

    await castVotes(request, poll.id, answers(poll), `slides-${poll.id}`)
    const chart = slide.getByTestId('chart')
    await expect(chart).toBeVisible()
    await expect(slide.getByTestId('participants')).toHaveText(/11 answers/)
    const chartBox = (await chart.boundingBox())!
    console.log(`${poll.id}: QR ${Math.round(qr.height)} px, chart ${Math.round(chartBox.height)} px of a ${Math.round(box.height)} px slide`)
    // The chart uses the slide, down to its bottom margin, and keeps inside it.
    expect(chartBox.height / box.height).toBeGreaterThanOrEqual(0.7)
    expect(chartBox.y + chartBox.height).toBeLessThanOrEqual(box.y + box.height)
    const small = (await drawnTexts(slide)).filter(t => t.px < 24)
    await slide.screenshot({
      path: test.info().outputPath(`${poll.id}.png`),
    })
    expect(small).toEqual([])
  })
}
