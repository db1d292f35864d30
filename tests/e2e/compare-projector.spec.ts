import type { Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'
import { debriefGroups, nameSession, newSession } from './groups'
import { drawnTexts } from './textSize'
import { castVotes } from './votes'

const slides = await loadSlides()
const slideOf = (poll: string): number => slides.find(s => s.poll === poll)!.no
test.use({
  viewport: { width: 1920, height: 1080 },
})

/** A column's cell in a row of the projector's comparison. */
function cell(slide: Locator, row: string, column: string): Locator {
  return slide.locator(`tr[data-row="${row}"] td[data-column="${column}"] [data-testid="value"]`)
}

/** Groups A and B named, C (two people) not; the deck opened on `poll`'s slide comparing the three. */
async function debrief(page: Page, poll: string) {
  const groups = await debriefGroups(page.request)
  await nameSession(page.request, groups.a, 'Group 1 — municipalities')
  await nameSession(page.request, groups.b, 'Group 2 — agencies')
  const no = slideOf(poll)
  // The presenter link, as the projector's browser gets it once; `sessions` stays in the address.
  await page.goto(`/${no}?token=${presenterToken}&sessions=${groups.a},${groups.b},${groups.c}`)
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide.getByTestId('comparison').locator('table')).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  return { ...groups, slide }
}

/** Readable from the back row and inside the slide: every text ≥ 24 px, every element within the slide's box. */
async function checkProjectorGrade(slide: Locator, name: string): Promise<void> {
  await slide.screenshot({
    path: test.info().outputPath(`compare-${name}.png`),
  })
  expect((await drawnTexts(slide)).filter(t => t.px < 24)).toEqual([])
  const outside = await slide.evaluate((root) => {
    const box = root.getBoundingClientRect()
    return [
      ...root.querySelectorAll('[data-testid="comparison"] *'),
    ].flatMap((el) => {
      const r = el.getBoundingClientRect()
      const out = r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
      // A cell's content may be clipped by its own line clamp: only what is drawn must fit, so boxes count.
      return out
        ? [`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`]
        : []
    })
  })
  expect(outside).toEqual([])
}

test('single choice: each group by its name with its shares, all groups combined, a small group withheld', async ({ page }) => {
  const { a, b, c, slide } = await debrief(page, 'has-ospo')
  await expect(slide.getByTestId('group')).toHaveText([
    'Group 1 — municipalities6 answers',
    'Group 2 — agencies5 answers',
    c,
    'All groups13 answers',
  ])
  await expect(cell(slide, 'formal', a)).toHaveText('3 · 50%')
  await expect(cell(slide, 'planned', b)).toHaveText('4 · 80%')
  await expect(cell(slide, 'formal', 'combined')).toHaveText('4 · 31%')
  await expect(cell(slide, 'unsure', 'combined')).toHaveText('2 · 15%')
  // The small group: no number anywhere in its column, and it says why.
  await expect(slide.getByTestId('withheld')).toHaveText('fewer than 5 answered')
  await expect(slide.getByTestId('withheld')).toHaveAttribute('data-column', c)
  await expect(slide.locator(`td[data-column="${c}"]`)).toHaveCount(1)
  // The industry survey's figures keep their column, in their green.
  await expect(slide.locator('tr[data-row="formal"] td[data-column="reference"]')).toHaveText('30%')
  // No QR code: the groups voted in their own sessions, and the comparison takes the slide.
  await expect(slide.getByRole('img', { name: /QR code/ })).toHaveCount(0)
  await checkProjectorGrade(slide, 'single')
})

test('multiple choice: shares of each group\'s participants', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'challenges')
  await expect(cell(slide, 'resources', a)).toHaveText('3 · 50%')
  await expect(cell(slide, 'resources', b)).toHaveText('5 · 100%')
  await expect(cell(slide, 'resources', 'combined')).toHaveText('8 · 62%')
  await expect(cell(slide, 'outsourcing', 'combined')).toHaveText('2 · 15%')
  await expect(slide.getByTestId('withheld')).toHaveText('fewer than 5 answered')
  await checkProjectorGrade(slide, 'multiple')
})

test('scale: each group\'s distribution and mean', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'twenty-years')
  await expect(cell(slide, '5', a)).toHaveText('3 · 50%')
  await expect(cell(slide, '2', b)).toHaveText('3 · 60%')
  const mean = (column: string) => slide.locator(`tr[data-row="mean"] td[data-column="${column}"]`)
  await expect(mean(a)).toHaveText('4.33')
  await expect(mean(b)).toHaveText('1.6')
  await expect(mean('combined')).toHaveText('3.08')
  await expect(slide.getByTestId('withheld')).toHaveText('fewer than 5 answered')
  await checkProjectorGrade(slide, 'scale')
})

test('ranking: options in the combined order, each group\'s place and Borda points', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'challenges-rank')
  await expect(slide.locator('tbody th[scope=row]')).toHaveText([
    'Risk-aversive culture and short-term focus',
    'Regulatory constraints',
    'Limited understanding and overall support',
    'Limited resources and knowledge',
    'Dependency on outsourced and procured technical capacity',
  ])
  await expect(cell(slide, 'resources', a)).toHaveText('#1 · 24 pts')
  await expect(cell(slide, 'outsourcing', b)).toHaveText('#1 · 20 pts')
  await expect(cell(slide, 'culture', 'combined')).toHaveText('#1 · 30 pts')
  await expect(slide.getByTestId('withheld')).toHaveText('fewer than 5 answered')
  await checkProjectorGrade(slide, 'ranking')
})

test('open text: each group\'s most frequent answers with their counts; a small group\'s only in the combined', async ({ page }) => {
  const { a, b, c, slide } = await debrief(page, 'what-else')
  const answers = (column: string) => slide.locator(`td[data-column="${column}"] [data-testid="answer"]`)
  await expect(answers(a)).toHaveText(['Procurement rules4', 'Legacy systems2'])
  await expect(answers(b)).toHaveText(['Skills5'])
  await expect(answers('combined')).toHaveText([
    'Skills5',
    'Procurement rules4',
    'Legacy systems2',
    'Only two of us2',
  ])
  await expect(slide.locator(`td[data-column="${c}"]`)).toHaveText('fewer than 5 answered')
  await checkProjectorGrade(slide, 'text')
})

test('eight groups with the longest names still fit the slide, readable from the back row', async ({ page }) => {
  const codes: string[] = []
  for (let g = 0; g < 8; g++) {
    const code = await newSession(page.request)
    await nameSession(page.request, code, `Group ${g + 1} — ${'regional and municipal administrations'.padEnd(50, '.')}`.slice(0, 60))
    await castVotes(page.request, 'has-ospo', [
      'formal',
      'informal',
      'planned',
      'no',
      'unsure',
      'formal',
    ].slice(0, g === 7
      ? 3
      : 6), code, code)
    codes.push(code)
  }
  const no = slideOf('has-ospo')
  await page.goto(`/${no}?token=${presenterToken}&sessions=${codes.join(',')}`)
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide.getByTestId('group')).toHaveCount(9)
  await page.evaluate(() => document.fonts.ready)
  // Many columns: the share alone in each, the count in the column's heading.
  await expect(cell(slide, 'formal', codes[0]!)).toHaveText('33%')
  await expect(slide.getByTestId('withheld')).toHaveAttribute('data-column', codes[7]!)
  await checkProjectorGrade(slide, 'eight-groups')
})

test('answers arriving in a group show on the projector without a reload', async ({ page }) => {
  const { a, slide } = await debrief(page, 'has-ospo')
  await expect(cell(slide, 'no', a)).toHaveText('1 · 17%')
  await page.request.post(`/api/polls/has-ospo/votes?session=${a}`, {
    data: { participant: 'latecomer', answer: 'no' },
  })
  await expect(cell(slide, 'no', a)).toHaveText('2 · 29%')
})

test('without the presenter token the slide says what is missing; unknown codes are named', async ({ browser }) => {
  const page = await (await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })).newPage()
  const no = slideOf('has-ospo')
  await page.goto(`/${no}?sessions=AAAAAA,BBBBBB`)
  await expect(page.getByTestId('comparison-problem')).toHaveText(/needs the presenter link/)
  await page.goto(`/${no}?token=${presenterToken}&sessions=ZZZZZ2,default`)
  await expect(page.getByTestId('comparison-problem')).toHaveText('No comparison: unknown session: ZZZZZ2')
})

test('without ?sessions the poll slide is as before: one session, live, with its QR code', async ({ page }) => {
  const no = slideOf('has-ospo')
  await page.goto(`/${no}?token=${presenterToken}`)
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide.getByRole('img', { name: /QR code to vote/ })).toBeVisible()
  await expect(slide.getByTestId('comparison')).toHaveCount(0)
})
