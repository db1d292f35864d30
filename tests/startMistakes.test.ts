import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { entry } from '../packages/slidev-addon-live-polls/test/fixturePolls'
import { freePort, root, tempDb } from '../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist } from './fixtureDist'

/** `npm start [-- args]` as a presenter runs it: its exit code and what it printed (npm's own banner on stdout). */
function npmStart(args: string[], env: Record<string, string>) {
  const run = spawnSync('npm', [
    'start',
    ...(args.length
      ? ['--', ...args]
      : []),
  ], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      POLL_DB: tempDb(),
      DEBUG: '',
      ...env,
    },
  })
  return { status: run.status, stderr: run.stderr }
}

// Each is found before any build starts: the answer comes in a second or two, not after a minute's build.
describe('npm start answers a mistake in one line and exit code 2, before building', () => {
  it.each([
    [
      ['no-such-deck.md'],
      {},
      'Cannot start: No deck at no-such-deck.md: no such file',
    ],
    [
      [entry, 'extra'],
      {},
      `Cannot start: npm start takes one thing, the path of a deck (npm start -- path/to/slides.md); got ${entry} extra`,
    ],
    [
      ['--port'],
      {},
      'Cannot start: npm start takes one thing, the path of a deck (npm start -- path/to/slides.md); got --port',
    ],
    [
      [entry],
      { PORT: 'eighty' },
      'Cannot start: Bad configuration: PORT: PORT must be a whole number',
    ],
    [
      [entry],
      { PRESENTER_TOKEN: 'short' },
      'Cannot start: Bad configuration: PRESENTER_TOKEN: PRESENTER_TOKEN must be at least 12 characters',
    ],
  ])('npm start %j with %j', (args, env, line) => {
    expect(npmStart(args, env)).toEqual({ status: 2, stderr: `${line}\n` })
  })

  it('a malformed poll', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-deck-'))
    writeFileSync(join(dir, 'slides.md'), '---\ntitle: Broken\n---\n\n# One\n\n---\npoll:\n  id: lunch\n  kind: rank\n  question: Lunch?\n---\n')
    expect(npmStart([
      join(dir, 'slides.md'),
    ], {})).toEqual({
      status: 2,
      stderr: 'Cannot start: slide 2 (slides.md): poll.kind: kind must be single, multiple, scale, text or ranking; got \'rank\'\n',
    })
  })

  it('a port in use', async () => {
    const port = await freePort()
    const taken = createServer().listen(port, '127.0.0.1')
    await new Promise(r => taken.once('listening', r))
    try {
      expect(npmStart([entry], {
        PORT: String(port),
      })).toEqual({
        status: 2,
        stderr: `Cannot start: port ${port} on 127.0.0.1 is in use (another server?); set PORT to another\n`,
      })
      // The server says the same when the port is taken after the build (server/entries/main.ts, as `npm start` runs it).
      const server = spawnSync(process.execPath, ['--import', 'tsx', 'packages/slidev-addon-live-polls/server/entries/main.ts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          POLL_DB: tempDb(),
          DECK_ENTRY: entry,
          DECK_DIST: fixtureDist(),
          DEBUG: '',
        },
      })
      expect({ status: server.status, stderr: server.stderr }).toEqual({
        status: 2,
        stderr: `Cannot start: port ${port} on 127.0.0.1 is in use (another server?); set PORT to another\n`,
      })
    }
    finally {
      taken.close()
    }
  })
})
