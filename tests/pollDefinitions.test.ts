import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { root, tempDb } from '../packages/slidev-addon-live-polls/test/serverProcess'
import { polls } from './deckPolls'
import { fixtureDist } from './fixtureDist'

// A deck whose second slide has a poll option without its label.
const MALFORMED = `---
title: Broken
---

# One

---
layout: poll
poll:
  id: lunch
  kind: single
  question: Lunch?
  options:
    - id: soup
      label: Soup
    - id: salad
---
`

describe('poll definitions written in the slides', () => {
  it('a malformed poll stops the server at start in one line naming the slide and the field, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-deck-'))
    writeFileSync(join(dir, 'slides.md'), MALFORMED)
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'packages/slidev-addon-live-polls/server/entries/main.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DECK_ENTRY: join(dir, 'slides.md'),
        DECK_DIST: fixtureDist(),
        POLL_DB: tempDb(),
        PORT: '0',
        HOST: '127.0.0.1',
      },
    })
    console.log(`npm start with a malformed poll: exit ${run.status}, "${run.stderr.trim()}"`)
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('Cannot start: slide 2 (slides.md): poll.options.1.label: Invalid key: Expected "label" but received undefined\n')
  })

  // Slidev would print its banner (build, export) and the error's stack: the addon prints the line and ends
  // the command itself (setup/preparser.ts for build and export, setup/vite-plugins.ts for dev).
  it.each([
    [
      'build',
      ['--out', 'dist'],
    ],
    [
      'export',
      ['--output', 'deck.pdf'],
    ],
    [
      'dev',
      ['--port', '0'],
    ],
  ])('a malformed poll stops `slidev %s` with only the line naming the slide and the field, exit code 2', (command, args) => {
    // Inside the repository, where Slidev finds the addon in node_modules as any deck would.
    const dir = mkdtempSync(join(root, '.bad-deck-'))
    try {
      writeFileSync(join(dir, 'slides.md'), MALFORMED.replace('title: Broken', 'title: Broken\naddons: [slidev-addon-live-polls]').replace('kind: single', 'kind: rank'))
      const run = spawnSync(process.execPath, [
        'node_modules/@slidev/cli/bin/slidev.mjs',
        ...command === 'dev'
          ? []
          : [command],
        join(dir, 'slides.md'),
        ...args.map(a => a.includes('.') || a === 'dist'
          ? join(dir, a)
          : a),
      ], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, DEBUG: '' },
      })
      console.log(`slidev ${command} with a malformed poll: exit ${run.status}`)
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 2,
        stdout: '',
        stderr: 'slide 2 (slides.md): poll.kind: kind must be single, multiple, scale, text or ranking; got \'rank\'\n',
      })
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 150_000)

  it('the built phone page and console carry no question of the deck: the server sends them', () => {
    // `npm test` builds before vitest runs; alone, this test builds.
    if (!existsSync(join(root, 'dist', 'vote', 'index.html')))
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
    const texts = ['vote', 'console'].flatMap(app => readdirSync(join(root, 'dist', app, 'assets'))
      .map(file => readFileSync(join(root, 'dist', app, 'assets', file), 'utf8')))
    const found = polls.flatMap(poll => [
      poll.question,
      ...'options' in poll
        ? poll.options.map(o => o.label)
        : [],
    ])
      .filter(text => text.length > 8 && texts.some(asset => asset.includes(text)))
    expect(found).toEqual([])
  }, 180_000)
})
