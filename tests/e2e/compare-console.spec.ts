import type { Locator } from '@playwright/test'
import type { Comparison } from '../../packages/slidev-addon-live-polls/polls/types'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { debriefGroups, nameSession, newSession } from './groups'
import { auth } from './votes'

/** A cell of a comparison table, by its row and its group's column. */
const cell = (table: Locator, row: string, column: string): Locator => table.locator(`tr[data-row="${row}"] [data-column="${column}"]`)

test('the console names sessions and compares them: per group, combined, small groups withheld, downloads', async ({ browser, request }) => {
  const { a, b, c, d } = await debriefGroups(request)
  await nameSession(request, b, 'Group 2 — agencies')
  const page = await (await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  })).newPage()
  await page.goto(`/console/?token=${presenterToken}`)
  await page.getByRole('button', { name: 'Compare sessions' }).click()
  const list = page.getByTestId('sessions')
  await expect(list.locator(`tr[data-session="${a}"]`)).toContainText(a)
  await expect(list.locator(`tr[data-session="${a}"] td.number`)).toHaveText('6')

  // A name given in place: typed, saved, shown instead of the code (the code stays in its column).
  await page.getByRole('button', { name: `Name session ${a}` }).click()
  await page.getByRole('textbox', { name: `Name of session ${a}` }).fill('Group 1 — municipalities')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(list.locator(`tr[data-session="${a}"] [data-testid="session-name"]`)).toHaveText('Group 1 — municipalities')
  await expect(page.getByRole('button', { name: `Rename session ${a}` })).toBeFocused()
  const stored = await (await request.get('/api/sessions', { headers: auth })).json() as { code: string, name: string | null }[]
  expect(stored.find(s => s.code === a)?.name).toBe('Group 1 — municipalities')
  await expect(list.locator(`tr[data-session="${b}"] [data-testid="session-name"]`)).toHaveText('Group 2 — agencies')

  // One session is not a comparison.
  await page.getByRole('checkbox', { name: `Compare Group 1 — municipalities (${a})` }).check()
  await expect(page.getByTestId('compare-hint')).toBeVisible()
  await page.getByRole('checkbox', { name: `Compare Group 2 — agencies (${b})` }).check()
  await page.getByRole('checkbox', { name: `Compare ${c}` }).check()
  await page.getByRole('checkbox', { name: `Compare ${d}` }).check()

  // Single choice: counts and shares per group, the small groups C and D withheld, and the combined column
  // counting A and B only (11 people): none of C's or D's answers is in it.
  const single = page.locator('[data-poll="has-ospo"] table')
  // Each group by its name, with its code beneath; the unnamed one by its code.
  await expect(single.locator('thead th')).toHaveText([
    'Answer',
    `Group 1 — municipalities ${a}`,
    `Group 2 — agencies ${b}`,
    c,
    d,
    'All groups',
  ])
  await expect(cell(single, 'formal', a)).toHaveText('3 · 50%')
  await expect(cell(single, 'informal', a)).toHaveText('2 · 33%')
  await expect(cell(single, 'formal', b)).toHaveText('1 · 20%')
  await expect(cell(single, 'planned', b)).toHaveText('4 · 80%')
  await expect(cell(single, 'formal', 'combined')).toHaveText('4 · 36%')
  await expect(cell(single, 'informal', 'combined')).toHaveText('2 · 18%')
  await expect(cell(single, 'planned', 'combined')).toHaveText('4 · 36%')
  await expect(cell(single, 'no', 'combined')).toHaveText('1 · 9%')
  await expect(cell(single, 'unsure', 'combined')).toHaveText('0 · 0%')
  // How many answered in every group, the withheld ones' too (the console's alone), and in the combined.
  await expect(single.getByTestId('answered')).toHaveText([
    '6',
    '5',
    '2',
    '3',
    '11',
  ])
  await expect(single.getByTestId('withheld')).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await expect(single.getByTestId('withheld').nth(0)).toHaveAttribute('data-column', c)
  await expect(single.getByTestId('withheld').nth(1)).toHaveAttribute('data-column', d)
  // Its heading, its count, and the one cell saying why there are no figures.
  await expect(single.locator(`[data-column="${c}"]`)).toHaveCount(3)
  await expect(single.locator(`[data-column="${d}"]`)).toHaveCount(3)
  await expect(page.getByTestId('small-groups')).toContainText('fewer than 5')
  await expect(page.getByTestId('small-groups')).toContainText('“All groups” leaves its answers out')
  // Multiple choice: shares of each group's participants.
  const multiple = page.locator('[data-poll="challenges"] table')
  await expect(cell(multiple, 'resources', b)).toHaveText('5 · 100%')
  await expect(cell(multiple, 'resources', 'combined')).toHaveText('8 · 73%')
  await expect(cell(multiple, 'regulation', 'combined')).toHaveText('0 · 0%')
  await expect(cell(multiple, 'culture', 'combined')).toHaveText('3 · 27%')
  await expect(cell(multiple, 'outsourcing', 'combined')).toHaveText('0 · 0%')
  // Scale: the distribution and the mean.
  const scale = page.locator('[data-poll="twenty-years"] table')
  await expect(cell(scale, '5', a)).toHaveText('3 · 50%')
  await expect(cell(scale, 'mean', a)).toHaveText('4.33')
  await expect(cell(scale, 'mean', b)).toHaveText('1.6')
  await expect(cell(scale, 'mean', 'combined')).toHaveText('3.09')
  // Ranking: rows in the combined order, each group's place and Borda points.
  const ranking = page.locator('[data-poll="challenges-rank"] table')
  await expect(ranking.locator('tbody tr[data-row] th[scope=row]').filter({ hasText: /\S/ })).toHaveText([
    'Limited resources and knowledge',
    'Regulatory constraints',
    'Risk-aversive culture and short-term focus',
    'Limited understanding and overall support',
    'Dependency on outsourced and procured technical capacity',
  ])
  await expect(cell(ranking, 'resources', a)).toHaveText('#1 · 24 pts')
  await expect(cell(ranking, 'outsourcing', b)).toHaveText('#1 · 20 pts')
  await expect(cell(ranking, 'resources', 'combined')).toHaveText('#1 · 24 pts')
  await expect(cell(ranking, 'regulation', 'combined')).toHaveText('#2 · 23 pts')
  await expect(cell(ranking, 'outsourcing', 'combined')).toHaveText('#5 · 20 pts')
  // Open text: each group's most frequent answers with their counts; the small groups' nowhere, not even combined.
  const text = page.locator('[data-poll="what-else"] table')
  await expect(cell(text, 'text-1', a)).toHaveText('Procurement rules 4')
  await expect(cell(text, 'text-2', a)).toHaveText('Legacy systems 2')
  await expect(cell(text, 'text-1', b)).toHaveText('Skills 5')
  await expect(text.getByTestId('withheld')).toHaveText(['fewer than 5 answered', 'fewer than 5 answered'])
  await expect(cell(text, 'text-1', 'combined')).toHaveText('Skills 5')
  await expect(cell(text, 'text-2', 'combined')).toHaveText('Procurement rules 4')
  await expect(cell(text, 'text-3', 'combined')).toHaveText('Legacy systems 2')
  await expect(text).not.toContainText('Three of us')
  await expect(text).not.toContainText('Only two of us')
  // A poll nobody answered: every group withheld, the combined column counts nobody.
  await expect(page.locator('[data-poll="maturity"] [data-testid="withheld"]')).toHaveCount(4)
  await expect(page.locator('[data-poll="maturity"] [data-testid="answered"]')).toHaveText([
    '0',
    '0',
    '0',
    '0',
    '0',
  ])

  await page.screenshot({
    path: test.info().outputPath('console-compare-1280.png'),
    fullPage: true,
  })
  await page.locator('[data-poll="what-else"]').screenshot({
    path: test.info().outputPath('console-compare-1280-text.png'),
  })

  // CSV: one row per answer with its session, none of a withheld group's.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download comparison CSV' }).click(),
  ])
  expect(csvDownload.suggestedFilename()).toBe(`ospo-deck-comparison-${a}-${b}-${c}-${d}.csv`)
  const csv = readFileSync((await csvDownload.path())!, 'utf8')
  const lines = csv.trim().split('\n')
  expect(lines[0]).toBe('session,poll,kind,participant,answer,time')
  expect(lines.filter(l => l.startsWith(`${a},has-ospo,single,`)).map(l => l.split(',')[4])).toEqual([
    'formal',
    'formal',
    'formal',
    'informal',
    'informal',
    'no',
  ])
  expect(lines.filter(l => l.startsWith(`${b},what-else,text,`)).map(l => l.split(',')[4])).toEqual(Array.from({ length: 5 }).fill('Skills'))
  expect(csv).not.toContain(c)
  expect(csv).not.toContain(d)
  expect(csv).not.toContain('Only two of us')
  expect(csv).not.toContain('Three of us')
  expect(lines).toHaveLength(1 + 5 * 6 + 5 * 5)
  // JSON: the comparison itself.
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download comparison JSON' }).click(),
  ])
  expect(jsonDownload.suggestedFilename()).toBe(`ospo-deck-comparison-${a}-${b}-${c}-${d}.json`)
  const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as Comparison
  expect(json.sessions).toEqual([a, b, c, d])
  expect(json.names).toEqual({
    [a]: 'Group 1 — municipalities',
    [b]: 'Group 2 — agencies',
    [c]: null,
    [d]: null,
  })

  // The projector link opens the deck with these groups.
  await expect(page.getByRole('link', { name: 'Open the deck with these groups side by side' })).toHaveAttribute('href', new RegExp(`/1\\?sessions=${a},${b},${c},${d}$`))

  // Without D, C's two answers are the only ones withheld, and left out of "All groups": B keeps its figures (no
  // group is withheld for another's sake), and the combined is still A's and B's.
  await page.getByRole('checkbox', { name: `Compare ${d}` }).uncheck()
  await expect(single.locator('thead th')).toHaveText([
    'Answer',
    `Group 1 — municipalities ${a}`,
    `Group 2 — agencies ${b}`,
    c,
    'All groups',
  ])
  await expect(single.getByTestId('withheld')).toHaveText(['fewer than 5 answered'])
  await expect(single.getByTestId('withheld')).toHaveAttribute('data-column', c)
  await expect(single.getByTestId('answered')).toHaveText([
    '6',
    '5',
    '2',
    '11',
  ])
  await expect(cell(single, 'formal', a)).toHaveText('3 · 50%')
  await expect(cell(single, 'planned', b)).toHaveText('4 · 80%')
  await expect(cell(single, 'formal', 'combined')).toHaveText('4 · 36%')
  await expect(cell(single, 'unsure', 'combined')).toHaveText('0 · 0%')
  await expect(cell(multiple, 'resources', 'combined')).toHaveText('8 · 73%')
  await expect(page.getByText('withheld to protect')).toHaveCount(0)
  await page.locator('[data-poll="has-ospo"]').screenshot({
    path: test.info().outputPath('console-compare-1280-one-withheld.png'),
  })

  // Running a session: its name, and its code, which phones type.
  await page.getByRole('button', { name: 'Run a session' }).click()
  await expect(page.locator('#session option', { hasText: 'Group 1 — municipalities' })).toContainText(a)
  await page.locator('#session').selectOption(a)
  await expect(page.getByTestId('session-name')).toHaveText('Group 1 — municipalities')
  await expect(page.getByTestId('join-code')).toHaveText(a)

  // On a phone-width screen the tables scroll sideways inside their cards; the page itself does not.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('button', { name: 'Compare sessions' }).click()
  await expect(single.getByTestId('withheld')).toHaveText(['fewer than 5 answered'])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  // Scrolled to its last columns: the withheld one and the combined.
  await page.locator('[data-poll="has-ospo"] .table-scroll').evaluate((el) => {
    el.scrollLeft = el.scrollWidth
  })
  await page.locator('[data-poll="has-ospo"]').screenshot({
    path: test.info().outputPath('console-compare-phone-withheld.png'),
  })
  await page.getByRole('checkbox', { name: `Compare ${c}` }).uncheck()
  await expect(single.locator('thead th')).toHaveText([
    'Answer',
    `Group 1 — municipalities ${a}`,
    `Group 2 — agencies ${b}`,
    'All groups',
  ])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({
    path: test.info().outputPath('console-compare-phone.png'),
  })
  await page.locator('[data-poll="has-ospo"]').screenshot({
    path: test.info().outputPath('console-compare-phone-poll.png'),
  })
})

test('naming in place: at most 60 characters, Escape keeps the name, an empty one clears it', async ({ browser, request }) => {
  const a = await newSession(request)
  await nameSession(request, a, 'Kept')
  const page = await (await browser.newContext({
    viewport: { width: 1280, height: 900 },
  })).newPage()
  await page.goto(`/console/?token=${presenterToken}`)
  await page.getByRole('button', { name: 'Compare sessions' }).click()
  await page.getByRole('button', { name: `Rename session ${a}` }).click()
  // Over 60 characters once pasted: the field stops at 60, so the server's limit is met by the page.
  await page.getByRole('textbox', { name: `Name of session ${a}` }).fill('x'.repeat(80))
  await expect(page.getByRole('textbox', { name: `Name of session ${a}` })).toHaveValue('x'.repeat(60))
  // Escape leaves the name as it was.
  await page.getByRole('textbox', { name: `Name of session ${a}` }).press('Escape')
  await expect(page.locator(`tr[data-session="${a}"] [data-testid="session-name"]`)).toHaveText('Kept')
  // An empty name clears it: the code is shown alone.
  await page.getByRole('button', { name: `Rename session ${a}` }).click()
  await page.getByRole('textbox', { name: `Name of session ${a}` }).fill('')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: `Name session ${a}` })).toBeVisible()
  const stored = await (await request.get('/api/sessions', { headers: auth })).json() as { code: string, name: string | null }[]
  expect(stored.find(s => s.code === a)?.name).toBeNull()
})
