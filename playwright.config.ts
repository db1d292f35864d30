import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { chromiumArgs, resolveChromium } from './scripts/browser'

// The built deck is served by the same server `npm start` runs, on a port of its own and a throwaway database.
const port = Number(process.env.E2E_PORT ?? 3199)

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: resolveChromium(), args: chromiumArgs },
  },
  webServer: {
    command: `node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
