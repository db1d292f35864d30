import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { entry } from '../packages/slidev-addon-live-polls/test/fixturePolls'
import { root, tempDb } from '../packages/slidev-addon-live-polls/test/serverProcess'

const usage = 'Usage: npm run handout -- --session CODE [--output FILE] [path/to/slides.md] (or --sessions CODE,CODE,…)'
const dir = mkdtempSync(join(tmpdir(), 'handout-mistakes-'))
const file = join(dir, 'a-file')
writeFileSync(file, '')
const malformed = join(dir, 'slides.md')
writeFileSync(malformed, '---\ntitle: Broken\n---\n\n# One\n\n---\npoll:\n  id: lunch\n  kind: rank\n  question: Lunch?\n---\n')

// Each is found before the deck is exported (minutes): the answer comes at once, on stderr, with no stack.
describe('npm run handout answers a mistake in one line and exit code 2', () => {
  it.each([
    [
      ['--sessions'],
      `Option '--sessions <value>' argument missing. ${usage}`,
    ],
    [
      ['--session', 'default', '--bogus'],
      `Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--bogus". ${usage}`,
    ],
    [
      [
        '--session',
        'default',
        entry,
        'other.md',
      ],
      `One deck at a time, not ${entry} other.md. ${usage}`,
    ],
    [
      ['--session', 'default', 'no-such-deck.md'],
      'No deck at no-such-deck.md: no such file',
    ],
    [
      ['--session', 'default', malformed],
      'slide 2 (slides.md): poll.kind: kind must be single, multiple, scale, text or ranking; got \'rank\'',
    ],
    [
      [
        '--session',
        'default',
        '--output',
        join(file, 'h.pdf'),
        entry,
      ],
      `Cannot write ${join(file, 'h.pdf')}: a part of the path is a file, not a folder`,
    ],
  ])('npm run handout -- %j', (args, line) => {
    const run = spawnSync('npm', [
      'run',
      '--silent',
      'handout',
      '--',
      ...args,
    ], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        POLL_DB: tempDb(),
        DEBUG: '',
      },
    })
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: `${line}\n` })
  })
})
