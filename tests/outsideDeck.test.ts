import type { ChildProcess } from 'node:child_process'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, resolveChromium } from '../packages/slidev-addon-live-polls/cli/browser'
import { freePort, root } from '../packages/slidev-addon-live-polls/test/serverProcess'

// The addon as a Slidev user adopts it: packed, installed with Slidev from the registry into a deck of its own in
// another folder, and run only through its `live-polls` command, the built JavaScript from node_modules.
const work = mkdtempSync(join(tmpdir(), 'outside-deck-'))
const deck = join(work, 'deck')
const token = 'outside-deck-token'
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  CHROMIUM_PATH: resolveChromium(),
  PRESENTER_TOKEN: token,
  HOST: '127.0.0.1',
  // The deck's own data/polls.sqlite, as a user's would be.
  POLL_DB: undefined,
  DATABASE_URL: undefined,
  DECK_ENTRY: undefined,
  DECK_DIST: undefined,
}
const question = 'Does your organisation have an OSPO?'

// A deck as `npm init slidev` makes one, with polls and no `fonts` in its headmatter.
const slides = `---
theme: default
title: Outside deck
exportFilename: outside
addons:
  - slidev-addon-live-polls
---

# An outside deck

---
layout: poll
poll:
  id: ospo
  kind: single
  question: ${question}
  options:
    - { id: yes, label: "Yes, a formal one" }
    - { id: no, label: "Not yet" }
---

---
layout: poll
poll:
  id: words
  kind: text
  question: One word for open source?
---

# The end
`

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** `npx live-polls …` in the deck, its output kept for the failure message. */
function livePolls(args: string[], extraEnv: NodeJS.ProcessEnv = {}): { child: ChildProcess, output: () => string } {
  const child = spawn('npx', ['--no-install', 'live-polls', ...args], {
    cwd: deck,
    env: {
      ...env,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  return {
    child,
    output: () => output,
  }
}

/** Ends a command with its children (npx, node, the server or Vite) and waits until it has. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return
  const exited = new Promise(r => child.once('exit', r))
  process.kill(-child.pid!, 'SIGTERM')
  await Promise.race([
    exited,
    sleep(10_000),
  ])
  if (child.exitCode === null && child.signalCode === null)
    process.kill(-child.pid!, 'SIGKILL')
}

/** Runs a command to its end; fails with what it printed unless it exits with 0. */
async function finish(args: string[]): Promise<string> {
  const { child, output } = livePolls(args)
  const code = await new Promise(r => child.once('exit', r))
  expect(code, output()).toBe(0)
  return output()
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await fetch(url).then(r => r.ok, () => false))) {
    expect(child.exitCode, output()).toBeNull()
    expect(Date.now() < deadline, `no answer from ${url} within ${timeoutMs / 1000} s:\n${output()}`).toBe(true)
    await sleep(300)
  }
}

const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })

beforeAll(() => {
  // `npm pack` runs prepack, which bundles the commands and the server into dist-node/.
  execFileSync('npm', [
    'pack',
    '--silent',
    '--pack-destination',
    work,
  ], {
    cwd: join(root, 'packages', 'slidev-addon-live-polls'),
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const tarball = readdirSync(work).find(f => f.endsWith('.tgz'))!
  mkdirSync(deck)
  writeFileSync(join(deck, 'package.json'), `${JSON.stringify({ name: 'outside-deck', private: true, type: 'module' })}\n`)
  writeFileSync(join(deck, 'slides.md'), slides)
  // Slidev and its default theme from the registry (the npm cache makes a second run quick), as a user installs them.
  const playwright = (JSON.parse(readFileSync(join(root, 'node_modules/playwright-chromium/package.json'), 'utf8')) as { version: string }).version
  execFileSync('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    '@slidev/cli@^53',
    '@slidev/theme-default@^0.25',
    `playwright-chromium@${playwright}`,
    join(work, tarball),
  ], {
    cwd: deck,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}, 600_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a deck outside this repository, with the packed addon', () => {
  it('has the live-polls command, with help for each subcommand', async () => {
    const help = await finish(['--help'])
    for (const name of [
      'start',
      'build',
      'export',
      'handout',
      'results',
    ])
      expect(help).toContain(name)
    expect(await finish(['handout', '--help'])).toContain('live-polls handout --session CODE')
  })

  it('starts, and a phone votes', async () => {
    const port = await freePort()
    const { child, output } = livePolls(['start'], {
      PORT: String(port),
    })
    try {
      const url = `http://127.0.0.1:${port}`
      await waitFor(`${url}/api/health`, child, output, 300_000)
      const auth = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
      for (const action of ['open', 'reveal'])
        expect((await fetch(`${url}/api/polls/ospo/${action}`, { method: 'POST', headers: auth })).ok).toBe(true)
      expect((await fetch(`${url}/api/current`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ poll: 'ospo' }),
      })).ok).toBe(true)

      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: chromiumArgs,
      })
      try {
        const phone = await browser.newPage({
          viewport: { width: 390, height: 844 },
          locale: 'en',
        })
        await phone.goto(`${url}/vote/`)
        await phone.getByLabel('Yes, a formal one').check()
        await phone.getByRole('button', { name: 'Send my answer' }).click()
        await phone.getByRole('status').filter({ hasText: 'Vote received' }).waitFor()
      }
      finally {
        await browser.close()
      }
    }
    finally {
      await stop(child)
    }
    // The vote is in the deck's database, as `live-polls results` reads it.
    const csv = await finish([
      'results',
      '--session',
      'default',
      '--format',
      'csv',
    ])
    expect(csv.split('\n').filter(line => line.includes('ospo'))).toHaveLength(1)
  }, 420_000)

  it('renders a poll slide in the dev server without an error', async () => {
    const port = await freePort()
    const dev = spawn(process.execPath, [
      'node_modules/@slidev/cli/bin/slidev.mjs',
      '--port',
      String(port),
      '--open',
      'false',
    ], {
      cwd: deck,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    dev.stdout.on('data', chunk => (output += chunk))
    dev.stderr.on('data', chunk => (output += chunk))
    const browser = await chromium.launch({
      executablePath: resolveChromium(),
      args: chromiumArgs,
    })
    try {
      const url = `http://127.0.0.1:${port}`
      await waitFor(url, dev, () => output, 120_000)
      const page = await browser.newPage()
      await page.goto(`${url}/2`)
      await page.getByText(question).first().waitFor({ timeout: 90_000 })
      await page.getByText('Yes, a formal one').first().waitFor()
      expect(await page.getByText('An error occurred on this slide').count()).toBe(0)
    }
    finally {
      await browser.close()
      dev.kill('SIGTERM')
      await new Promise(r => dev.once('exit', r))
    }
  }, 300_000)

  it('exports a PDF and a handout with the poll\'s results', async () => {
    await finish(['export'])
    const deckPdf = pdfText(join(deck, 'exports', 'outside.pdf'))
    expect(deckPdf).toContain(question)
    expect(deckPdf).not.toContain('An error occurred')
    expect(deckPdf).toMatch(/Yes, a formal one\s+1 · 100%/)

    await finish([
      'handout',
      '--session',
      'default',
      '--output',
      'exports/handout.pdf',
    ])
    const handout = pdfText(join(deck, 'exports', 'handout.pdf'))
    expect(handout).toContain(question)
    expect(handout).toContain('Yes, a formal one')
    expect(handout).toMatch(/100\s*%/)
  }, 600_000)
})
