import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { isFileLoadingAllowed, resolveConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { deck } from '../../test/fixturePolls.ts'
import { createPollPlugin } from '../entries/vitePlugin.ts'
import { devServerDeny, viteDefaultDeny } from './devServerDeny.ts'

describe('devServerDeny', () => {
  it('repeats Vite\'s own default list, which setting server.fs.deny would drop', async () => {
    const config = await resolveConfig({ configFile: false, logLevel: 'silent' }, 'serve')
    expect(config.server.fs.deny).toEqual(viteDefaultDeny)
  })

  it('with the poll plugin, Vite refuses the data folder and the database family wherever POLL_DB is, and still its own list', async () => {
    // A project root with odd characters, and a database outside the data folder.
    const root = mkdtempSync(join(tmpdir(), 'deck (talk) [1]+'))
    const db = join(root, 'votes', 'polls.sqlite')
    const previous = process.env.POLL_DB
    process.env.POLL_DB = db
    try {
      const config = await resolveConfig({
        configFile: false,
        logLevel: 'silent',
        root,
        plugins: [
          createPollPlugin(deck),
        ],
        server: {
          fs: {
            allow: [root],
          },
        },
      }, 'serve')
      const allowed = (path: string) => isFileLoadingAllowed(config, join(root, path))
      for (const path of [
        'votes/polls.sqlite',
        'votes/polls.sqlite-wal',
        'votes/polls.sqlite-shm',
        'votes/POLLS.SQLITE-journal',
        '.env',
        '.git/config',
      ])
        expect(allowed(path), path).toBe(false)
      expect(allowed('slides.md')).toBe(true)
      expect(allowed('votes/readme.txt')).toBe(true)
    }
    finally {
      if (previous === undefined)
        delete process.env.POLL_DB
      else process.env.POLL_DB = previous
    }
  })

  it('makes globs of paths with glob syntax in them', () => {
    expect(devServerDeny('/a (b)/[c]/polls.sqlite', '/a (b)/data')).toEqual(['/a \\(b\\)/data/**', '/a \\(b\\)/\\[c\\]/polls.sqlite*'])
    expect(devServerDeny(':memory:', '/x/data')).toEqual(['/x/data/**'])
  })
})
