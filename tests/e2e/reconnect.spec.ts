import { expect, test } from '@playwright/test'
import { freePort, startServer, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { loadSlides } from '../deck'

const hasOspo = (await loadSlides()).find(s => s.poll === 'has-ospo')!.no

const token = 'reconnect-test-token'

test('presenter and phone reconnect by themselves after a server restart and keep the vote', async ({ browser }) => {
  const db = tempDb()
  const port = await freePort()
  let server = await startServer({ POLL_DB: db, PRESENTER_TOKEN: token }, port)
  try {
    const presenter = await (await browser.newContext()).newPage()
    await presenter.goto(`${server.url}/${hasOspo}?token=${token}`)
    const slide = presenter.locator(`.slidev-page-${hasOspo}`)
    await expect(slide.locator('[data-poll="has-ospo"]')).toBeVisible()

    const phone = await (await browser.newContext({
      viewport: { width: 360, height: 740 },
    })).newPage()
    await phone.goto(`${server.url}/vote/`)
    await phone.getByLabel('Yes, a formal OSPO', { exact: true }).check()
    await phone.getByRole('button', { name: 'Send my answer' }).click()
    await expect(phone.getByText('Vote received')).toBeVisible()

    await server.stop('SIGKILL')
    await expect(phone.getByText('Connection lost. Reconnecting')).toBeVisible({ timeout: 10_000 })
    server = await startServer({ POLL_DB: db, PRESENTER_TOKEN: token }, port)

    // Back by itself: the phone shows its stored vote, and can change it; the presenter's chart follows.
    await expect(phone.getByText('Connection lost')).toHaveCount(0, { timeout: 15_000 })
    await expect(phone.getByText('Vote received')).toBeVisible()
    await expect(phone.getByLabel('Yes, a formal OSPO', { exact: true })).toBeChecked()
    await phone.getByLabel('No', { exact: true }).check()
    await phone.getByRole('button', { name: 'Change my answer' }).click()
    await expect(slide.locator('[data-option="no"] [data-testid="count"]')).toHaveText('1 · 100%', { timeout: 15_000 })
    await expect(slide.locator('[data-option="formal"] [data-testid="count"]')).toHaveText('0 · 0%')
  }
  finally {
    await server.stop()
  }
})
