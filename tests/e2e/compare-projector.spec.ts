import type { Locator, Page } from '@playwright/test'
import type { Groups } from './groups'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'
import { debriefGroups, nameSession, newSession } from './groups'
import { drawnTexts } from './textSize'
import { auth, castVotes, presenterPost } from './votes'

const slides = await loadSlides()
const slideOf = (poll: string): number => slides.find(s => s.poll === poll)!.no
test.use({
  viewport: { width: 1920, height: 1080 },
})

/** A column's cell in a row of the projector's comparison. */
function cell(slide: Locator, row: string, column: string): Locator {
  return slide.locator(`tr[data-row="${row}"] td[data-column="${column}"] [data-testid="value"]`)
}

/**
 * Groups A and B named, C (two people) and D (three) not; the deck opened on `poll`'s slide comparing all four,
 * or those `compared` picks.
 */
async function debrief(page: Page, poll: string, compared = (g: Groups): string[] => [g.a, g.b, g.c, g.d]) {
  const groups = await debriefGroups(page.request)
  await nameSession(page.request, groups.a, 'Group 1 — municipalities')
  await nameSession(page.request, groups.b, 'Group 2 — agencies')
  const no = slideOf(poll)
  // The presenter link, as the projector's browser gets it once; `sessions` stays in the address.
  await page.goto(`/${no}?token=${presenterToken}&sessions=${compared(groups).join(',')}`)
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

test('single choice: each group by its name with its shares, the groups shown combined, small groups withheld and left out', async ({ page }) => {
  const { a, b, c, d, slide } = await debrief(page, 'has-ospo')
  await expect(slide.getByTestId('group')).toHaveText([
    'Group 1 — municipalities6 answers',
    'Group 2 — agencies5 answers',
    c,
    d,
    'All groups11 answers',
  ])
  // Four groups, the combined and the industry's figures: the share alone in each cell, the count in the heading.
  await expect(cell(slide, 'formal', a)).toHaveText('50%')
  await expect(cell(slide, 'planned', b)).toHaveText('80%')
  // A's and B's answers only: C's and D's are in no figure ("unsure" was theirs alone).
  await expect(cell(slide, 'formal', 'combined')).toHaveText('36%')
  await expect(cell(slide, 'informal', 'combined')).toHaveText('18%')
  await expect(cell(slide, 'unsure', 'combined')).toHaveText('0%')
  // The small groups: no number anywhere in their columns, and each says why.
  const withheld = slide.getByTestId('withheld')
  await expect(withheld).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await expect(withheld.nth(0)).toHaveAttribute('data-column', c)
  await expect(withheld.nth(1)).toHaveAttribute('data-column', d)
  await expect(slide.locator(`td[data-column="${c}"]`)).toHaveCount(1)
  await expect(slide.locator(`td[data-column="${d}"]`)).toHaveCount(1)
  // The industry survey's figures keep their column, in their green.
  await expect(slide.locator('tr[data-row="formal"] td[data-column="reference"]')).toHaveText('30%')
  // No QR code: the groups voted in their own sessions, and the comparison takes the slide.
  await expect(slide.getByRole('img', { name: /QR code/ })).toHaveCount(0)
  await checkProjectorGrade(slide, 'single')
})

test('single choice without D: "All groups" minus A is B\'s own answers, never C\'s', async ({ page }) => {
  const { a, b, c, slide } = await debrief(page, 'has-ospo', g => [g.a, g.b, g.c])
  await expect(slide.getByTestId('group')).toHaveText([
    'Group 1 — municipalities6 answers',
    'Group 2 — agencies5 answers',
    c,
    'All groups11 answers',
  ])
  // Three groups, the combined and the industry's: room for the counts.
  await expect(cell(slide, 'formal', a)).toHaveText('3 · 50%')
  await expect(cell(slide, 'planned', b)).toHaveText('4 · 80%')
  await expect(cell(slide, 'formal', 'combined')).toHaveText('4 · 36%')
  await expect(cell(slide, 'planned', 'combined')).toHaveText('4 · 36%')
  await expect(cell(slide, 'unsure', 'combined')).toHaveText('0 · 0%')
  await expect(slide.getByTestId('withheld')).toHaveText(['fewer than 5 answered'])
  await expect(slide.getByTestId('comparison').locator('.notes')).toContainText('left out of “All groups”')
  await checkProjectorGrade(slide, 'single-three')
  await page.screenshot({
    path: test.info().outputPath('compare-single-three-1920.png'),
  })
})

test('hidden results: a group\'s figures only where revealed in its session, "hidden until revealed" elsewhere, and left out of "All groups"', async ({ page }) => {
  const groups = await debriefGroups(page.request)
  // Open text starts hidden in every session: B's presenter reveals it, A's does not, and hides A's single choice.
  // After the groups' votes, all from this address: the rate limit is waited out, as for the votes.
  expect((await presenterPost(page.request, `/api/polls/what-else/reveal?session=${groups.b}`)).ok()).toBe(true)
  expect((await presenterPost(page.request, `/api/polls/has-ospo/hide?session=${groups.a}`)).ok()).toBe(true)
  const sessions = [groups.a, groups.b].join(',')
  await page.goto(`/${slideOf('what-else')}?token=${presenterToken}&sessions=${sessions}`)
  const text = page.locator(`.slidev-page-${slideOf('what-else')}`)
  await expect(text.getByTestId('comparison').locator('table')).toBeVisible()
  await expect(text.locator(`td[data-column="${groups.a}"]`)).toHaveText('hidden until revealed')
  await expect(text.locator(`td[data-column="combined"] [data-testid="answer"]`)).toHaveText(['Skills5'])
  await expect(text.getByTestId('comparison')).not.toContainText('Procurement rules')
  await expect(text.getByTestId('comparison-notes')).toContainText('Hidden until the presenter reveals them')
  await page.goto(`/${slideOf('has-ospo')}?token=${presenterToken}&sessions=${sessions}`)
  const choice = page.locator(`.slidev-page-${slideOf('has-ospo')}`)
  await expect(choice.getByTestId('hidden')).toHaveText(['hidden until revealed'])
  await expect(choice.getByTestId('hidden')).toHaveAttribute('data-column', groups.a)
  await expect(cell(choice, 'planned', 'combined')).toHaveText('4 · 80%')
  await expect(cell(choice, 'formal', 'combined')).toHaveText('1 · 20%')
  await page.evaluate(() => document.fonts.ready)
  await checkProjectorGrade(choice, 'hidden')
  await page.screenshot({
    path: test.info().outputPath('compare-hidden-1920.png'),
  })
})

test('multiple choice: shares of each group\'s participants', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'challenges')
  await expect(cell(slide, 'resources', a)).toHaveText('50%')
  await expect(cell(slide, 'support', a)).toHaveText('50%')
  await expect(cell(slide, 'resources', b)).toHaveText('100%')
  await expect(cell(slide, 'regulation', b)).toHaveText('0%')
  await expect(cell(slide, 'resources', 'combined')).toHaveText('73%')
  await expect(cell(slide, 'regulation', 'combined')).toHaveText('0%')
  await expect(cell(slide, 'outsourcing', 'combined')).toHaveText('0%')
  await expect(slide.getByTestId('withheld')).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await checkProjectorGrade(slide, 'multiple')
})

test('scale: each group\'s distribution and mean', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'twenty-years')
  await expect(cell(slide, '5', a)).toHaveText('3 · 50%')
  await expect(cell(slide, '2', b)).toHaveText('3 · 60%')
  const mean = (column: string) => slide.locator(`tr[data-row="mean"] td[data-column="${column}"]`)
  await expect(mean(a)).toHaveText('4.33')
  await expect(mean(b)).toHaveText('1.6')
  await expect(mean('combined')).toHaveText('3.09')
  await expect(cell(slide, '5', 'combined')).toHaveText('3 · 27%')
  await expect(cell(slide, '2', 'combined')).toHaveText('3 · 27%')
  await expect(slide.getByTestId('withheld')).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await checkProjectorGrade(slide, 'scale')
})

test('ranking: options in the combined order, each group\'s place and Borda points', async ({ page }) => {
  const { a, b, slide } = await debrief(page, 'challenges-rank')
  await expect(slide.locator('tbody th[scope=row]')).toHaveText([
    'Limited resources and knowledge',
    'Regulatory constraints',
    'Risk-aversive culture and short-term focus',
    'Limited understanding and overall support',
    'Dependency on outsourced and procured technical capacity',
  ])
  await expect(cell(slide, 'resources', a)).toHaveText('#1 · 24 pts')
  await expect(cell(slide, 'outsourcing', b)).toHaveText('#1 · 20 pts')
  await expect(cell(slide, 'resources', 'combined')).toHaveText('#1 · 24 pts')
  await expect(cell(slide, 'outsourcing', 'combined')).toHaveText('#5 · 20 pts')
  await expect(slide.getByTestId('withheld')).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await checkProjectorGrade(slide, 'ranking')
})

test('open text: each group\'s most frequent answers with their counts; small groups\' nowhere', async ({ page }) => {
  // Open text starts hidden: each group's presenter has revealed it in the room.
  const { a, b, c, d, slide } = await debrief(page, 'what-else')
  for (const code of [a, b, c, d])
    expect((await page.request.post(`/api/polls/what-else/reveal?session=${code}`, { headers: auth })).ok()).toBe(true)
  const answers = (column: string) => slide.locator(`td[data-column="${column}"] [data-testid="answer"]`)
  await expect(answers(a)).toHaveText(['Procurement rules4', 'Legacy systems2'])
  await expect(answers(b)).toHaveText(['Skills5'])
  await expect(answers('combined')).toHaveText([
    'Skills5',
    'Procurement rules4',
    'Legacy systems2',
  ])
  await expect(slide.locator(`td[data-column="${c}"]`)).toHaveText('fewer than 5 answered')
  await expect(slide.locator(`td[data-column="${d}"]`)).toHaveText('fewer than 5 answered')
  await checkProjectorGrade(slide, 'text')
})

test('eight groups with the longest names still fit the slide, readable from the back row, the longest withheld text too', async ({ page }) => {
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
    ].slice(0, [6, 6, 6, 6, 6, 6, 5, 3][g]), code, code)
    codes.push(code)
  }
  const no = slideOf('has-ospo')
  await page.goto(`/${no}?token=${presenterToken}&sessions=${codes.join(',')}`)
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide.getByTestId('group')).toHaveCount(9)
  await page.evaluate(() => document.fonts.ready)
  // Many columns: the share alone in each, the count in the column's heading.
  await expect(cell(slide, 'formal', codes[0]!)).toHaveText('33%')
  // The eighth group's three answers: withheld, and left out of the combined.
  const withheld = slide.getByTestId('withheld')
  await expect(withheld).toHaveText(['fewer than 5 answered'])
  await expect(withheld).toHaveAttribute('data-column', codes[7]!)
  await checkProjectorGrade(slide, 'eight-groups')
})

test('answers arriving in a group show on the projector without a reload', async ({ page }) => {
  const { a, slide } = await debrief(page, 'has-ospo')
  const heading = slide.locator(`th[data-column="${a}"] [data-testid="group-answers"]`)
  await expect(heading).toHaveText('6 answers')
  await expect(cell(slide, 'no', a)).toHaveText('17%')
  await page.request.post(`/api/polls/has-ospo/votes?session=${a}`, {
    data: { participant: 'latecomer', answer: 'no' },
  })
  await expect(heading).toHaveText('7 answers')
  await expect(cell(slide, 'no', a)).toHaveText('29%')
  await expect(cell(slide, 'no', 'combined')).toHaveText('17%')
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
