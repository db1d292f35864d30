import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { polls } from '../deckPolls.ts'

const auth = { authorization: `Bearer ${presenterToken}` }

test.use({
  viewport: { width: 360, height: 740 },
})

async function axe(page: import('@playwright/test').Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
  ]).analyze()
  expect(result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(', ')}`)).toEqual([])
}

test('the voting page meets WCAG 2.1 AA and fits 360 px for every poll kind', async ({ page, request }) => {
  await request.post('/api/current', {
    headers: auth,
    data: { poll: null },
  })
  await page.goto('/vote/')
  await expect(page.getByText('Waiting for the next question')).toBeVisible()
  await axe(page)

  for (const poll of polls) {
    await request.post(`/api/polls/${poll.id}/open`, { headers: auth })
    await request.post('/api/current', {
      headers: auth,
      data: { poll: poll.id },
    })
    await expect(page.locator('legend')).toHaveText(poll.question)
    await axe(page)
    // Nothing scrolls sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  }
})

test('a ranking can be answered with the keyboard alone', async ({ page, request }) => {
  await request.post('/api/polls/challenges-rank/reset', { headers: auth })
  await request.post('/api/current', {
    headers: auth,
    data: { poll: 'challenges-rank' },
  })
  await page.goto('/vote/')
  await page.getByRole('button', { name: 'Move up: Limited understanding and overall support' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Send my answer' }).press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
  const results = await (await request.get('/api/polls/challenges-rank/results', { headers: auth })).json()
  expect(results.order[0]).toBe('support')
})

test('the page follows the browser language: Swedish', async ({ browser, request }) => {
  await request.post('/api/current', {
    headers: auth,
    data: { poll: null },
  })
  const page = await (await browser.newContext({
    locale: 'sv-SE',
    viewport: { width: 360, height: 740 },
  })).newPage()
  await page.goto('/vote/')
  await expect(page.getByText('Väntar på nästa fråga')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
})

test('an untouched ranking cannot be sent: a move or "Keep this order" is needed', async ({ page, request }) => {
  await request.post('/api/polls/challenges-rank/reset', { headers: auth })
  await request.post('/api/polls/challenges-rank/open', { headers: auth })
  await request.post('/api/current', {
    headers: auth,
    data: { poll: 'challenges-rank' },
  })
  await page.goto('/vote/')
  const send = page.getByRole('button', { name: 'Send my answer' })
  await expect(page.locator('legend')).toBeVisible()
  await expect(send).toBeDisabled()
  await page.getByRole('button', { name: 'Keep this order' }).click()
  await expect(send).toBeEnabled()
  await send.click()
  await expect(page.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
  const results = await (await request.get('/api/polls/challenges-rank/results', { headers: auth })).json()
  expect(results.participants).toBe(1)
})
