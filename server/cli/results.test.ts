import { execFileSync, spawnSync } from 'node:child_process'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { root, tempDb } from '../../tests/serverProcess'
import { createStore } from '../store'

function run(args: string[], db: string) {
  return spawnSync(process.execPath, [
    '--import',
    'tsx',
    'server/cli/results.ts',
    ...args,
  ], {
    cwd: root,
    env: { ...process.env, POLL_DB: db },
    encoding: 'utf8',
  })
}

describe('npm run results', () => {
  const db = tempDb()
  const store = createStore(db)
  store.createSession('WKSHP2', Date.now())
  store.saveVotes([
    {
      session: 'WKSHP2',
      poll: 'has-ospo',
      participant: 'cli-phone-1',
      answer: 'formal',
      at: Date.UTC(2026, 0, 2),
    },
    {
      session: 'WKSHP2',
      poll: 'twenty-years',
      participant: 'cli-phone-1',
      answer: 4,
      at: Date.UTC(2026, 0, 2),
    },
    {
      session: '',
      poll: 'has-ospo',
      participant: 'cli-phone-2',
      answer: 'no',
      at: Date.UTC(2026, 0, 2),
    },
  ])
  store.close()

  it('prints a session as CSV', () => {
    const out = execFileSync(process.execPath, [
      '--import',
      'tsx',
      'server/cli/results.ts',
      '--session',
      'wkshp2',
      '--format',
      'csv',
    ], {
      cwd: root,
      env: { ...process.env, POLL_DB: db },
      encoding: 'utf8',
    })
    const lines = out.trim().split('\n')
    expect(lines[0]).toMatch(/^# No personal data/)
    expect(lines.slice(2).map(l => l.split(',').slice(0, 3).join(',') + l.split(',')[4])).toEqual(['WKSHP2,has-ospo,singleformal', 'WKSHP2,twenty-years,scale4'])
  })

  it('prints JSON with aggregates, and the default session by name', () => {
    const json = JSON.parse(run(['--format', 'json'], db).stdout)
    expect(json.session).toBe('default')
    expect(json.polls.find((p: { id: string }) => p.id === 'has-ospo').results).toMatchObject({
      participants: 1,
      counts: { no: 1 },
    })
  })

  it('says which sessions exist when the code is wrong', () => {
    const result = run(['--session', 'ZZZZ22'], db)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Sessions: WKSHP2')
  })
})
