import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { auth, freshPoll } from './votes.ts'

// A database too slow to commit a vote answers it `{"type":"error","retry":true}` (issue: a stuck database
// held votes forever). The phone must send it again by itself and bother its user only once it gives up. The
// server's side is tested in server/domain/votePath.test.ts; here the phone's, in a real browser, with its
// socket routed through the test so that a chosen number of its votes are refused as the server would.

test.use({
  viewport: { width: 390, height: 844 },
})

const POLL = 'has-ospo'

/** Routes the phone's socket to the real server, refusing its first `refusals` votes as retryable; counts the votes sent. */
async function refuseVotes(page: Page, refusals: number): Promise<{ sent: () => number }> {
  let sent = 0
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((data) => {
      const message = JSON.parse(String(data)) as { type: string, ref?: number }
      if (message.type === 'vote' && sent++ < refusals) {
        ws.send(JSON.stringify({
          type: 'error',
          ref: message.ref,
          error: 'not stored: the database did not answer in time; try again',
          retry: true,
        }))
        return
      }
      server.send(data)
    })
  })
  return {
    sent: () => sent,
  }
}

async function vote(page: Page): Promise<void> {
  await page.goto('/vote/')
  await page.getByRole('radio', { name: 'No', exact: true }).check()
  await page.getByRole('button', { name: 'Send my answer' }).click()
}

test('a vote refused as retryable is sent again by itself, and the user sees it received', async ({ page, request }) => {
  await freshPoll(request, POLL)
  const phone = await refuseVotes(page, 2)
  await vote(page)
  // Refused twice, then stored: the user is never told of the refusals.
  await expect(page.getByRole('status').filter({ hasText: 'Vote received' })).toBeVisible()
  await expect(page.getByText('could not be stored')).toHaveCount(0)
  expect(phone.sent()).toBe(3)
  const results = await (await request.get(`/api/polls/${POLL}/results`, { headers: auth })).json()
  expect(results.counts.no).toBe(1)
})

test('a phone that keeps being refused gives up after five tries and says so in its own words', async ({ page, request }) => {
  await freshPoll(request, POLL)
  // The waits (1, 2, 4, 8, 15 s) run on the page's clock, fast-forwarded here.
  await page.clock.install()
  const phone = await refuseVotes(page, Number.POSITIVE_INFINITY)
  await vote(page)
  for (let tries = 1; tries <= 5; tries++) {
    await expect.poll(phone.sent).toBe(tries)
    await expect(page.getByText('could not be stored')).toHaveCount(0)
    await page.clock.fastForward(20_000)
  }
  await expect.poll(phone.sent).toBe(6)
  await expect(page.getByRole('status').filter({ hasText: 'Your vote could not be stored: the server is busy' })).toBeVisible()
  // Five tries again, not a sixth: far inside the 20 refusals after which the server closes a socket.
  await page.clock.fastForward(60_000)
  expect(phone.sent()).toBe(6)
  const results = await (await request.get(`/api/polls/${POLL}/results`, { headers: auth })).json()
  expect(results.counts.no).toBe(0)
})
