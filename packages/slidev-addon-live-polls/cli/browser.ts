import { existsSync } from 'node:fs'
import process from 'node:process'
import { chromium } from 'playwright-chromium'

/** Flags that keep Chromium quiet on a closed network and working as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * The Chromium to drive: $CHROMIUM_PATH, else Playwright's own download, else Debian's.
 * Throws with the one command that installs a browser when none is found.
 */
export function resolveChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    chromium.executablePath(),
    '/usr/bin/chromium',
  ]
  const found = candidates.find(path => path && existsSync(path))
  if (!found) {
    throw new Error(
      'No Chromium found. Install one with:  sudo apt-get install -y chromium\n'
      + '(or set CHROMIUM_PATH to a Chromium/Chrome binary).',
    )
  }
  return found
}
