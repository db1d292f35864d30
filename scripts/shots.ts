// Dev aid: screenshots of slides of a running deck into /tmp/shots (usage: tsx scripts/shots.ts URL FROM TO [W H])
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { chromiumArgs, resolveChromium } from 'slidev-addon-live-polls/cli/browser.ts'

const [url = 'http://localhost:3030', from = '1', to = '24', w = '1280', h = '720'] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: resolveChromium(),
  args: chromiumArgs,
})
const page = await browser.newPage({
  viewport: {
    width: Number(w),
    height: Number(h),
  },
})
page.on('console', m => m.type() === 'error' && console.log('console error:', m.text()))
for (let n = Number(from); n <= Number(to); n++) {
  await page.goto(`${url}/${n}`, { waitUntil: 'networkidle' })
  await page.waitForTimeout(800)
  await page.screenshot({ path: `/tmp/shots/${n}.png` })
}
await browser.close()
