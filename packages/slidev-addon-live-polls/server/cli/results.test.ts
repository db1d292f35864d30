import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { beforeAll, describe, expect, it } from 'vitest'
import { entry } from '../../test/fixturePolls.ts'
import { root, tempDb } from '../../test/serverProcess'
import { PRIVACY_NOTE } from '../exportResults'
import { createSqliteStore } from '../store/sqliteStore'

function run(args: string[], db: string) {
  return spawnSync(process.execPath, [
    '--import',
    'tsx',
    'packages/slidev-addon-live-polls/server/cli/results.ts',
    ...args,
  ], {
    cwd: root,
    env: { ...process.env, POLL_DB: db, DECK_ENTRY: entry },
    encoding: 'utf8',
  })
}

describe('npm run results', () => {
  const db = tempDb()
  beforeAll(async () => {
    const store = createSqliteStore(db)
    await store.createSession('K7MPX2', Date.now())
    await store.saveVotes([
      {
        session: 'K7MPX2',
        poll: 'choice',
        participant: 'cli-phone-1',
        answer: 'formal',
        at: Date.UTC(2026, 0, 2),
      },
      {
        session: 'K7MPX2',
        poll: 'agreement',
        participant: 'cli-phone-1',
        answer: 4,
        at: Date.UTC(2026, 0, 2),
      },
      {
        session: 'K7MPX2',
        poll: 'ideas',
        participant: 'cli-phone-1',
        answer: 'Rules, budgets "and" time',
        at: Date.UTC(2026, 0, 2),
      },
      {
        session: '',
        poll: 'choice',
        participant: 'cli-phone-2',
        answer: 'no',
        at: Date.UTC(2026, 0, 2),
      },
    ])
    await store.close()
  })

  it('runs the README\'s CSV command into a file whose first line is the header row (strict CSV reader)', () => {
    // The command exactly as the README gives it, through a shell, in a folder of the project (npm finds
    // package.json upwards; the shell writes the file there). exports/ is git-ignored.
    const command = /`(npm run --silent results -- --session K7MPX2 --format csv > k7mpx2\.csv)`/.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1]
    expect(command, 'the README\'s results command').toBeDefined()
    mkdirSync(join(root, 'exports'), { recursive: true })
    const dir = mkdtempSync(join(root, 'exports', 'results-cli-'))
    try {
      const result = spawnSync('sh', ['-c', command!], {
        cwd: dir,
        env: { ...process.env, POLL_DB: db, DECK_ENTRY: entry },
        encoding: 'utf8',
      })
      expect(result.status, result.stderr).toBe(0)
      // The privacy note is on stderr, where the README says to keep it from.
      expect(result.stderr).toContain(PRIVACY_NOTE)
      const file = join(dir, 'k7mpx2.csv')
      const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))))', file], { encoding: 'utf8' })) as string[][]
      expect(rows[0]).toEqual([
        'session',
        'poll',
        'kind',
        'participant',
        'answer',
        'time',
      ])
      expect(rows.slice(1).map(r => [r[0], r[1], r[2], r[4]])).toEqual([
        ['K7MPX2', 'agreement', 'scale', '4'],
        [
          'K7MPX2',
          'choice',
          'single',
          'formal',
        ],
        [
          'K7MPX2',
          'ideas',
          'text',
          'Rules, budgets "and" time',
        ],
      ])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('prints JSON with aggregates, and the default session by name', () => {
    const json = JSON.parse(run(['--format', 'json'], db).stdout)
    expect(json.session).toBe('default')
    expect(json.polls.find((p: { id: string }) => p.id === 'choice').results).toMatchObject({
      participants: 1,
      counts: { no: 1 },
    })
  })

  it('says which sessions exist when the code is wrong', () => {
    const result = run(['--session', 'ZZZZ22'], db)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Sessions: K7MPX2')
  })
})
