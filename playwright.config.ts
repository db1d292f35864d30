import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { chromiumArgs, resolveChromium } from 'slidev-addon-live-polls/cli/browser.ts'

// The built deck is served by the same server `npm start` runs, on a port of its own and a throwaway database.
const port = Number(process.env.E2E_PORT ?? 3199)
export const presenterToken = 'e2e-presenter-token'
// Set once, in the main process: workers re-import this file and must see the same database.
process.env.E2E_POLL_DB ??= join(mkdtempSync(join(tmpdir(), 'e2e-polls-')), 'polls.sqlite')

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  // Assertions wait up to 15 s: Chromium, the server and Mermaid share two cores, and a loaded box is slow.
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: process.env.CI
    ? 'list'
    : [
        ['list'],
      ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: resolveChromium(),
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npm run start:built`,
    url: `http://127.0.0.1:${port}/`,
    // Idle connections kept past the tests' pauses: Playwright's request context reuses a connection without
    // retrying, and one reused just as the server closes it (5 s idle by default) is reset.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PRESENTER_TOKEN: presenterToken,
      POLL_DB: process.env.E2E_POLL_DB,
      KEEP_ALIVE_TIMEOUT: '120',
    },
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
