import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import sirv from 'sirv'
import { root } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { loadSlides } from '../deck'

const hasOspo = (await loadSlides()).find(s => s.poll === 'has-ospo')!.no

test('a static deck with no poll server shows the poll calmly, with no errors', async ({ page }) => {
  // The built deck on a plain static host: no /api, no /ws.
  const server = createServer(sirv(join(root, 'dist'), { single: true }))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const errors: string[] = []
  page.on('console', msg => msg.type() === 'error' && errors.push(msg.text()))
  page.on('pageerror', err => errors.push(err.message))
  try {
    await page.goto(`${url}/${hasOspo}`)
    const slide = page.locator(`.slidev-page-${hasOspo}`)
    await expect(slide.getByRole('heading', { name: /Does your organisation have an OSPO/ })).toBeVisible()
    await expect(slide.getByText('Yes, a formal OSPO')).toBeVisible()
    await expect(slide.getByTestId('placeholder')).toHaveText(/Results appear here live/)
    await expect(slide.getByRole('img', { name: /QR code to vote/ })).toBeVisible()
    await expect(slide.getByTestId('join-url')).toHaveText(/127\.0\.0\.1:\d+\/vote/)
    await page.waitForTimeout(2000)
    expect(errors).toEqual([])
  }
  finally {
    server.close()
  }
})
