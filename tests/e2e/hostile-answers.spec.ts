import type { Locator } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'
import { auth, freshPoll } from './votes'

// Answers typed to deface a slide: one letter under 199 combining marks (200 characters, the poll's
// limit; U+0300–U+0333, above and below the letter, all in the fallback font here, so they are drawn
// rather than shown as a box), and a word of 200 letters.
const MARKS = `Z${Array.from({ length: 199 }, (_, i) => String.fromCharCode(0x0300 + (i % 0x34))).join('')}`
const WORD = 'W'.repeat(200)
const slideNo = (await loadSlides()).find(s => s.poll === 'what-else')!.no

interface Box { x: number, y: number, width: number, height: number }
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1
    && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1
}

/**
 * Where the text of these elements is drawn, on screen: across, the boxes of its lines (a word that does
 * not wrap runs past its element's box); up and down, its glyphs as the browser measures them, from the
 * first line's baseline and the last's (combining marks are drawn far outside the line they sit in).
 */
function inkBoxes(elements: Locator): Promise<Box[]> {
  return elements.evaluateAll(list => list.map((el) => {
    const baseline = (where: 'prepend' | 'append'): number => {
      const probe = document.createElement('span')
      probe.style.display = 'inline-block'
      el[where](probe)
      const y = probe.getBoundingClientRect().bottom
      probe.remove()
      return y
    }
    const range = document.createRange()
    range.selectNodeContents(el)
    const lines = [
      ...range.getClientRects(),
    ]
    const style = getComputedStyle(el)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const glyphs = context.measureText(el.textContent ?? '')
    // The slide is scaled to the window: CSS pixels of the element to pixels on screen.
    const scale = el.getBoundingClientRect().width / ((el as HTMLElement).offsetWidth || 1)
    const left = Math.min(...lines.map(r => r.left))
    const top = Math.min(...lines.map(r => r.top), baseline('prepend') - glyphs.actualBoundingBoxAscent * scale)
    const right = Math.max(...lines.map(r => r.right))
    const bottom = Math.max(...lines.map(r => r.bottom), baseline('append') + glyphs.actualBoundingBoxDescent * scale)
    return {
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
    }
  }))
}

test('hostile answers stay inside their place on the slide, the phone and the console', async ({ browser, request }) => {
  await freshPoll(request, 'what-else')
  for (const [i, answer] of [MARKS, WORD, 'Procurement rules'].entries()) {
    expect((await request.post('/api/polls/what-else/votes', {
      data: { participant: `hostile-${i}-phone`, answer },
    })).status()).toBe(200)
  }

  // The phone that typed the long word: nothing scrolls sideways.
  const phone = await (await browser.newContext({
    viewport: { width: 390, height: 844 },
  })).newPage()
  await phone.goto('/vote/')
  await phone.getByLabel(/Your answer/).fill(WORD)
  await phone.getByRole('button', { name: 'Send my answer' }).click()
  await expect(phone.getByText('Vote received')).toBeVisible()
  const phoneWidths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
  console.log(`phone page at 390×844: scrollWidth ${phoneWidths.scroll} px for a ${phoneWidths.view} px viewport`)
  expect(phoneWidths.scroll).toBeLessThanOrEqual(phoneWidths.view)

  // The poll slide on a 1920×1080 projector.
  const deck = await (await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })).newPage()
  await deck.goto(`/${slideNo}`)
  const slide = deck.locator(`.slidev-page-${slideNo}`)
  const chart = slide.getByTestId('chart')
  const cloud = chart.getByTestId('word-cloud')
  await expect(cloud).toContainText('WWWW')
  await expect(cloud.getByTestId('answer')).toHaveCount(3)
  const slideBox = (await slide.boundingBox())!
  const titleBox = (await slide.locator('h1').boundingBox())!
  // The cloud clips what it draws to its own box; within it, every answer's lines stay inside it across.
  const cloudBox = (await cloud.boundingBox())!
  const answers = [
    cloudBox,
    ...(await inkBoxes(cloud.locator('.answer-text'))).map(box => ({ ...box, y: cloudBox.y, height: cloudBox.height })),
  ]
  const astray = answers.filter(box => !inside(box, slideBox) || !inside(box, cloudBox) || box.y < titleBox.y + titleBox.height)
  console.log(`poll slide at 1920×1080: ${answers.length} answer boxes, ${astray.length} drawn outside the slide or over the title`)
  await slide.screenshot({
    path: test.info().outputPath('hostile-answers-slide.png'),
  })
  expect(astray).toEqual([])

  // The console's moderation list, on a laptop.
  const laptop = await (await browser.newContext({
    viewport: { width: 1280, height: 900 },
  })).newPage()
  await laptop.goto('/console/')
  await laptop.getByLabel('Presenter token').fill(presenterToken)
  await laptop.getByRole('button', { name: 'Unlock' }).click()
  const card = laptop.locator('[data-poll="what-else"]')
  await expect(card.getByTestId('text-answer')).toHaveCount(3)
  const cardBox = (await card.boundingBox())!
  const cells = await inkBoxes(card.getByTestId('text-answer').locator('td:first-child'))
  const consoleWidths = await laptop.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
  const outside = cells.filter(box => !inside(box, cardBox))
  console.log(`console at 1280×900: scrollWidth ${consoleWidths.scroll} px, ${outside.length} of ${cells.length} answers drawn outside their card`)
  expect(consoleWidths.scroll).toBeLessThanOrEqual(consoleWidths.view)
  expect(outside).toEqual([])
})

test.afterAll(async ({ request }) => {
  await request.post('/api/polls/what-else/reset', { headers: auth })
  await request.post('/api/polls/what-else/hide', { headers: auth })
  await request.post('/api/current', {
    headers: auth,
    data: { poll: null },
  })
})
