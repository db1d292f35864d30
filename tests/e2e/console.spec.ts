import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'

test('a facilitator runs a workshop from the console: session, phones, moderation, export, erasure', async ({ browser }) => {
  const laptop = await (await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  })).newPage()
  laptop.on('dialog', dialog => dialog.accept())
  // The test server listens on 127.0.0.1 only, so its audience address is that one; a room's server gives its LAN
  // address, which is what the console must show rather than its own origin.
  const lanJoinUrl = 'http://192.168.100.123:3030/vote/'
  await laptop.route('**/api/info', async (route) => {
    const response = await route.fetch()
    await route.fulfill({
      response,
      json: {
        ...await response.json(),
        joinUrl: lanJoinUrl,
      },
    })
  })

  // Locked without the token; a wrong one is refused.
  await laptop.goto('/console/')
  await laptop.getByLabel('Presenter token').fill('not-the-token')
  await laptop.getByRole('button', { name: 'Unlock' }).click()
  await expect(laptop.getByRole('alert')).toHaveText('That token was refused.')
  await laptop.getByLabel('Presenter token').fill(presenterToken)
  await laptop.getByRole('button', { name: 'Unlock' }).click()

  await laptop.getByRole('button', { name: 'New workshop session' }).click()
  const code = (await laptop.getByTestId('join-code').textContent())!.trim()
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
  // Phones join at the audience's address (the server's LAN or PUBLIC_URL address), not the console's own.
  await expect(laptop.getByTestId('join-url')).toHaveText(lanJoinUrl.replace(/vote\/$/, `v/${code}`))

  // Two phones join by the short code path.
  const phones = await Promise.all([0, 1].map(async () => {
    const page = await (await browser.newContext({
      viewport: { width: 360, height: 740 },
    })).newPage()
    await page.goto(`/v/${code.toLowerCase()}`)
    await expect(page.getByText('Waiting for the next question')).toBeVisible()
    return page
  }))

  const card = laptop.locator('[data-poll="what-else"]')
  await card.getByRole('button', { name: 'Show on phones' }).click()
  const answers = ['Procurement rules', '<b>shout</b> nonsense']
  for (const [i, phone] of phones.entries()) {
    await phone.getByLabel(/Your answer/).fill(answers[i]!)
    await phone.getByRole('button', { name: 'Send my answer' }).click()
    await expect(phone.getByText('Vote received')).toBeVisible()
  }
  await expect(card.getByTestId('answers')).toHaveText('2 answers')
  await expect(laptop.getByTestId('participants')).toHaveText('2 participants have answered')
  // Moderation: typed markup is shown as text, and a hidden answer leaves the results.
  const rows = card.getByTestId('text-answer')
  await expect(rows).toHaveCount(2)
  await expect(card.locator('b')).toHaveCount(0)
  // Hiding an answer and hiding the poll's results are buttons with distinct names.
  await expect(card.getByRole('button', { name: 'Reveal results', exact: true })).toHaveCount(1)
  await expect(card.getByRole('button', { name: 'Hide', exact: true })).toHaveCount(0)
  const hide = () => rows.filter({ hasText: '<b>shout</b> nonsense' }).getByRole('button', { name: 'Hide answer: <b>shout</b> nonsense' }).click()
  await hide()
  await expect(rows).toHaveCount(1)
  await expect(card.getByTestId('answers')).toHaveText('1 answer')
  // The hidden answer is listed, and can be brought back.
  const hiddenRows = card.getByTestId('hidden-answer')
  await expect(hiddenRows).toHaveText(['<b>shout</b> nonsense1Undo'])
  await hiddenRows.getByRole('button', { name: 'Undo hiding: <b>shout</b> nonsense' }).click()
  await expect(rows).toHaveCount(2)
  await expect(hiddenRows).toHaveCount(0)
  await expect(card.getByTestId('answers')).toHaveText('2 answers')
  await hide()
  await expect(card.getByTestId('answers')).toHaveText('1 answer')

  // Close: the phones say so.
  await card.getByRole('button', { name: 'Close' }).click()
  for (const phone of phones)
    await expect(phone.getByText('This poll is closed')).toBeVisible()

  // Export: the CSV carries the kept answer, not the hidden one, under its header row.
  const [download] = await Promise.all([
    laptop.waitForEvent('download'),
    laptop.getByRole('button', { name: 'Download results CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`ospo-deck-results-${code}.csv`)
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv).toMatch(/^session,poll,kind,participant,answer,time\n/)
  expect(csv).toContain(`${code},what-else,text,`)
  expect(csv).toContain('Procurement rules')
  expect(csv).not.toContain('shout')

  // Erasure: the session and its answers go.
  await laptop.getByRole('button', { name: 'Delete session and its answers' }).click()
  await expect(laptop.getByTestId('join-code')).toHaveCount(0)
  const left = await (await laptop.request.get('/api/sessions', {
    headers: { authorization: `Bearer ${presenterToken}` },
  })).json() as { code: string }[]
  expect(left.map(s => s.code)).not.toContain(code)
  // Its phones are told, and so is a phone with a mistyped code: nobody silently lands in another session.
  await expect(phones[0]!.getByRole('alert')).toHaveText(/workshop code is not known/)
  await phones[1]!.goto('/v/ZZZZ0O')
  await expect(phones[1]!.getByRole('alert')).toHaveText(/workshop code is not known/)
})

test('session dates follow the browser\'s locale', async ({ browser, request }) => {
  const auth = { authorization: `Bearer ${presenterToken}` }
  const { code } = await (await request.post('/api/sessions', { headers: auth })).json() as { code: string }
  const sessions = await (await request.get('/api/sessions', { headers: auth })).json() as { code: string, createdAt: number }[]
  const createdAt = sessions.find(s => s.code === code)!.createdAt
  const page = await (await browser.newContext({ locale: 'de-DE' })).newPage()
  await page.goto(`/console/?token=${presenterToken}`)
  await expect(page.locator('#session option', { hasText: code })).toContainText(new Date(createdAt).toLocaleDateString('de-DE', { dateStyle: 'medium' }))
  await request.delete(`/api/sessions/${code}`, { headers: auth })
})

test('the console follows the browser language: Swedish', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'sv-SE' })).newPage()
  await page.goto('/console/')
  await expect(page.getByRole('heading', { name: 'Facilitatorns konsol' })).toBeVisible()
  await expect(page.getByText('Presentatörsnyckel')).toBeVisible()
})
