import type { Browser, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'

const slides = await loadSlides()
const slideOf = (poll: string): number => slides.find(s => s.poll === poll)!.no
const auth = { authorization: `Bearer ${presenterToken}` }

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-GB',
  })
  const page = await context.newPage()
  await page.goto('/vote/')
  return page
}

async function vote(page: Page, label: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).check()
  await page.getByRole('button', { name: /send my answer|change my answer/i }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
}

/** The poll slide itself: Slidev keeps neighbouring slides in the page too. */
const slide = (presenter: Page, poll: string) => presenter.locator(`.slidev-page-${slideOf(poll)}`)
const count = (presenter: Page, option: string) => slide(presenter, 'has-ospo').locator(`[data-option="${option}"] [data-testid="count"]`)

test.describe.configure({ mode: 'serial' })

test('a presenter and three phones: live chart, revote, closing, hidden results', async ({ browser, request }) => {
  for (const poll of ['has-ospo', 'what-else'])
    await request.post(`/api/polls/${poll}/reset`, { headers: auth })
  await request.post('/api/polls/has-ospo/open', { headers: auth })
  await request.post('/api/polls/what-else/hide', { headers: auth })

  const presenter = await (await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })).newPage()
  await presenter.goto(`/${slideOf('has-ospo')}?token=${presenterToken}`)
  await expect(presenter.locator('[data-poll="has-ospo"]')).toBeVisible()
  // The token leaves the address bar once stored.
  await expect(presenter).not.toHaveURL(/token=/)

  const phones = await Promise.all([
    phone(browser),
    phone(browser),
    phone(browser),
  ])
  for (const p of phones)
    await expect(p.getByText('Does your organisation have an OSPO')).toBeVisible()

  // Vote-to-chart latency, measured in the pages themselves (same clock): click on the phone → DOM change on the slide.
  await slide(presenter, 'has-ospo').evaluate((el) => {
    new MutationObserver(() => {
      if (el.querySelector('[data-option="formal"] [data-testid="count"]')?.textContent?.includes('1 · 100%'))
        (window as { changedAt?: number }).changedAt ??= Date.now()
    }).observe(el, { childList: true, characterData: true, subtree: true })
  })
  await phones[0]!.getByLabel('Yes, a formal OSPO', { exact: true }).check()
  const clickedAt = await phones[0]!.locator('button.submit').evaluate((button: HTMLButtonElement) => {
    button.click()
    return Date.now()
  })
  await expect(count(presenter, 'formal')).toHaveText('1 · 100%')
  console.log(`vote-to-chart latency: ${await presenter.evaluate(() => (window as { changedAt?: number }).changedAt) as number - clickedAt} ms`)

  await Promise.all([
    vote(phones[1]!, 'Yes, a formal OSPO'),
    vote(phones[2]!, 'No'),
  ])
  await expect(count(presenter, 'formal')).toHaveText('2 · 67%')
  await expect(count(presenter, 'no')).toHaveText('1 · 33%')
  await expect(slide(presenter, 'has-ospo').getByTestId('participants')).toHaveText(/3 answers/)

  // A new answer replaces the old one: still three participants.
  await vote(phones[2]!, 'Yes, something like it')
  await expect(count(presenter, 'no')).toHaveText('0 · 0%')
  await expect(count(presenter, 'informal')).toHaveText('1 · 33%')
  await expect(slide(presenter, 'has-ospo').getByTestId('participants')).toHaveText(/3 answers/)

  // Closed: phones say so and cannot send; the API refuses with 409.
  expect((await request.post('/api/polls/has-ospo/close', { headers: auth })).status()).toBe(200)
  for (const p of phones) {
    await expect(p.getByText('This poll is closed')).toBeVisible()
    await expect(p.getByRole('button', { name: /answer/i })).toBeDisabled()
  }
  const refused = await request.post('/api/polls/has-ospo/votes', {
    data: { participant: 'late-voter-1', answer: 'no' },
  })
  expect(refused.status()).toBe(409)
  await expect(slide(presenter, 'has-ospo').getByTestId('participants')).toHaveText(/3 answers · voting closed/)

  // Phones follow the presenter to the next poll: open text, results hidden until revealed.
  await presenter.goto(`/${slideOf('what-else')}`)
  await expect(presenter.locator('[data-poll="what-else"]')).toBeVisible()
  const html = '<img src=x onerror="window.pwned=1">'
  for (const [i, p] of phones.entries()) {
    await expect(p.getByText('What else?')).toBeVisible()
    await p.getByLabel(/Your answer/).fill(i === 0
      ? html
      : 'Procurement rules')
    await p.getByRole('button', { name: 'Send my answer' }).click()
    await expect(p.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
  }
  await expect(slide(presenter, 'what-else').getByTestId('participants')).toHaveText(/3 answers/)
  await expect(slide(presenter, 'what-else').getByTestId('placeholder')).toHaveText(/hidden until the presenter reveals/)
  await expect(slide(presenter, 'what-else').getByTestId('word-cloud')).toHaveCount(0)

  await request.post('/api/polls/what-else/reveal', { headers: auth })
  const cloud = slide(presenter, 'what-else').getByTestId('word-cloud')
  await expect(cloud).toContainText('Procurement rules')
  // Markup typed by a participant is shown as text, never run.
  await expect(cloud).toContainText(html)
  expect(await presenter.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  await expect(presenter.locator('[data-poll="what-else"] img')).toHaveCount(0)
})

test('the presenter view has working poll controls; the projector view shows none', async ({ browser, request }) => {
  await request.post('/api/polls/twenty-years/reset', { headers: auth })
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
  })
  const projector = await context.newPage()
  await projector.goto(`/${slideOf('twenty-years')}?token=${presenterToken}`)
  await expect(projector.locator('[data-poll="twenty-years"]')).toBeVisible()
  await expect(projector.locator(`.slidev-page-${slideOf('twenty-years')}`).getByTestId('controls')).toHaveCount(0)

  const view = await context.newPage()
  await view.goto(`/presenter/${slideOf('twenty-years')}`)
  const controls = view.locator(`.slidev-page-${slideOf('twenty-years')} [data-testid="controls"]`).first()
  await controls.getByRole('button', { name: 'Hide' }).click()
  await expect.poll(async () => (await (await request.get('/api/polls/twenty-years/results')).json()).hidden).toBe(true)
  await controls.getByRole('button', { name: 'Reveal' }).click()
  await controls.getByRole('button', { name: 'Close' }).click()
  await expect.poll(async () => (await (await request.get('/api/polls/twenty-years/results')).json()).open).toBe(false)
  await controls.getByRole('button', { name: 'Open' }).click()
  await expect.poll(async () => (await (await request.get('/api/polls/twenty-years/results')).json()).open).toBe(true)
})
