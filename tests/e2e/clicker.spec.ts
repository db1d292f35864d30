import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { presenterToken } from '../../playwright.config'
import { loadSlides } from '../deck'

// A presenter clicks a poll control, then goes on with the clicker (Space, PageDown/PageUp, arrows): the deck must
// move, and the control must not be pressed again (Slidev ignores its keys while a button has focus, and Space
// presses a focused button).
const slides = await loadSlides()
const poll = 'twenty-years'
const no = slides.find(s => s.poll === poll)!.no
const auth = { authorization: `Bearer ${presenterToken}` }

async function state(request: import('@playwright/test').APIRequestContext): Promise<{ open: boolean, revealed: boolean, participants: number }> {
  const { open, revealed, participants } = await (await request.get(`/api/polls/${poll}/results`, { headers: auth })).json()
  return { open, revealed, participants }
}

const on = (page: Page, slide: number) => expect(page).toHaveURL(new RegExp(`/${slide}(\\?|$)`))

test('after any poll control is clicked, the clicker keys drive the deck and press nothing', async ({ browser, request }) => {
  await request.post(`/api/polls/${poll}/reset`, { headers: auth })
  await request.post(`/api/polls/${poll}/open`, { headers: auth })
  await request.post(`/api/polls/${poll}/reveal`, { headers: auth })
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
  })
  const projector = await context.newPage()
  await projector.goto(`/${no}?token=${presenterToken}`)
  await expect(projector.locator(`[data-poll="${poll}"]`)).toBeVisible()
  const view = await context.newPage()
  await view.goto(`/presenter/${no}`)
  const controls = view.locator(`.slidev-page-${no} [data-testid="controls"]`).first()

  // Each control in turn, named as it reads before the click, with the state it leads to.
  const steps: [string, Partial<Awaited<ReturnType<typeof state>>>][] = [
    [
      'Hide',
      { revealed: false },
    ],
    [
      'Reveal',
      { revealed: true },
    ],
    [
      'Close',
      { open: false },
    ],
    [
      'Open',
      { open: true },
    ],
    [
      'Reset',
      { participants: 0 },
    ],
  ]
  for (const [name, expected] of steps) {
    await controls.getByRole('button', { name, exact: true }).click()
    await expect.poll(async () => state(request)).toMatchObject(expected)
    const after = await state(request)
    expect(await view.evaluate(() => document.activeElement?.tagName)).not.toBe('BUTTON')
    for (const [key, slide] of [
      ['Space', no + 1],
      ['PageUp', no],
      ['PageDown', no + 1],
      ['ArrowLeft', no],
      ['ArrowRight', no + 1],
      ['PageUp', no],
    ] as const) {
      await view.keyboard.press(key)
      await on(view, slide)
      await on(projector, slide)
    }
    expect(await state(request), `${name}, then the clicker`).toEqual(after)
  }

  // On the projector too, the keys drive the deck.
  await projector.bringToFront()
  for (const [key, slide] of [
    ['Space', no + 1],
    ['PageUp', no],
    ['ArrowRight', no + 1],
    ['ArrowLeft', no],
  ] as const) {
    await projector.keyboard.press(key)
    await on(projector, slide)
  }
})
