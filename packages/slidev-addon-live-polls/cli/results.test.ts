import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { beforeAll, describe, expect, it } from 'vitest'
import { PRIVACY_NOTE } from '../server/domain/exportResults'
import { createSqliteStore } from '../server/stores/sqliteStore'
import { COMPARED, seedComparison } from '../test/comparisonFixture.ts'
import { csvFigures, derive, figuresOf, publishedFigures } from '../test/deriveAnswers.ts'
import { entry, findPoll } from '../test/fixturePolls.ts'
import { root, tempDb } from '../test/serverProcess'

/** Rows of a CSV as a strict reader (Python's csv module) reads them. */
function readCsv(text: string): string[][] {
  return JSON.parse(execFileSync('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))'], { input: text, encoding: 'utf8' })) as string[][]
}

function run(args: string[], db: string) {
  return spawnSync(process.execPath, [
    '--import',
    'tsx',
    'packages/slidev-addon-live-polls/cli/results.ts',
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
      // Poll after poll, in the deck's order.
      expect(rows.slice(1).map(r => [r[0], r[1], r[2], r[4]])).toEqual([
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
        ['K7MPX2', 'agreement', 'scale', '4'],
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

describe('npm run results -- --sessions', () => {
  const db = tempDb()
  const at = Date.UTC(2026, 0, 2)
  const vote = (session: string, poll: string, i: number, answer: string | number) => ({
    session,
    poll,
    participant: `${session}-phone-${i}`,
    answer,
    at,
  })
  beforeAll(async () => {
    const store = createSqliteStore(db)
    for (const code of ['GRPA22', 'GRPB33', 'GRPC44', 'GRPD55'])
      await store.createSession(code, at)
    await store.setSessionName('GRPA22', 'Group 1 — municipalities')
    await store.saveVotes([
      // The choice: five in group A, three in C and two in D. C and D are withheld there, and left out of the combined.
      ...[
        'formal',
        'formal',
        'informal',
        'no',
        'unsure',
      ].map((a, i) => vote('GRPA22', 'choice', i, a)),
      ...['no', 'no', 'unsure'].map((a, i) => vote('GRPC44', 'choice', i, a)),
      ...['formal', 'unsure'].map((a, i) => vote('GRPD55', 'choice', i, a)),
      // The scale: five in B, six in C, two in D (none in A). D's two are withheld; B and C are shown.
      ...[1, 2, 3, 4, 5].map((a, i) => vote('GRPB33', 'agreement', i, a)),
      ...[5, 5, 5, 4, 4, 4].map((a, i) => vote('GRPC44', 'agreement', i, a)),
      ...[1, 2].map((a, i) => vote('GRPD55', 'agreement', i, a)),
    ])
    await store.close()
  })

  it('writes one CSV row per answer with its session, none of a group withheld from a poll, and says on stderr which and why', () => {
    const result = run([
      '--sessions',
      'grpa22, GRPB33,GRPC44,grpd55',
      '--format',
      'csv',
    ], db)
    expect(result.status, result.stderr).toBe(0)
    const rows = readCsv(result.stdout)
    expect(rows[0]).toEqual([
      'session',
      'poll',
      'kind',
      'participant',
      'answer',
      'time',
    ])
    const counts = new Map<string, number>()
    for (const [session, poll] of rows.slice(1))
      counts.set(`${session} ${poll}`, (counts.get(`${session} ${poll}`) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({
      'GRPA22 choice': 5,
      'GRPB33 agreement': 5,
      'GRPC44 agreement': 6,
    })
    expect(result.stderr).toContain(PRIVACY_NOTE)
    // Which groups were left out of which polls.
    const withheld = result.stderr.slice(result.stderr.indexOf('Withheld'))
    expect(withheld).toMatch(/^Withheld \(fewer than 5 participants answered, MIN_GROUP_SIZE; left out of the combined results and of this file\):\n/)
    expect(withheld).toContain('GRPC44: choice, ')
    expect(withheld).toMatch(/GRPD55: choice, .*agreement/)
    expect(withheld).toMatch(/GRPA22: second-choice, .*agreement/)
    expect(withheld).not.toMatch(/GRPA22: choice/)
    expect(withheld).not.toMatch(/GRPB33: .*agreement/)
    expect(withheld).not.toMatch(/GRPC44: .*agreement/)
  })

  it('prints the comparison JSON with the privacy note: each group, a withheld one as "fewer than", and the combined counting the groups shown', () => {
    const result = run([
      '--sessions',
      'GRPA22,GRPB33,GRPC44,GRPD55',
      '--format',
      'json',
    ], db)
    expect(result.status, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.privacy).toBe(PRIVACY_NOTE)
    expect(json.sessions).toEqual(['GRPA22', 'GRPB33', 'GRPC44', 'GRPD55'])
    expect(json.names).toEqual({
      GRPA22: 'Group 1 — municipalities',
      GRPB33: null,
      GRPC44: null,
      GRPD55: null,
    })
    expect(json.minGroupSize).toBe(5)
    const small = (id: string, kind: string) => ({
      id,
      kind,
      withheld: true,
      fewerThan: 5,
    })
    const choice = json.polls.find((p: { id: string }) => p.id === 'choice')
    expect(choice.bySession.GRPA22).toMatchObject({
      participants: 5,
      counts: {
        formal: 2,
        informal: 1,
        no: 1,
        unsure: 1,
      },
    })
    expect(choice.bySession.GRPB33).toEqual(small('choice', 'single'))
    expect(choice.bySession.GRPC44).toEqual(small('choice', 'single'))
    expect(choice.bySession.GRPD55).toEqual(small('choice', 'single'))
    expect(choice.combined).toMatchObject({
      participants: 5,
      counts: {
        formal: 2,
        informal: 1,
        no: 1,
        unsure: 1,
      },
    })
    // The scale: B and C shown; D's two answers withheld, and left out of the combined: (15 + 27) / 11.
    const agreement = json.polls.find((p: { id: string }) => p.id === 'agreement')
    expect(agreement.bySession.GRPC44).toMatchObject({ participants: 6, mean: 4.5 })
    expect(agreement.bySession.GRPB33).toMatchObject({ participants: 5, mean: 3 })
    expect(agreement.bySession.GRPD55).toEqual(small('agreement', 'scale'))
    expect(agreement.bySession.GRPA22).toEqual(small('agreement', 'scale'))
    expect(agreement.combined).toMatchObject({ participants: 11, mean: 3.82 })
  })

  it('gives a small group\'s answers away in no output, nor in any difference of outputs, to someone who knows the other groups\' own results', () => {
    const own = (code: string, poll: string) => figuresOf(JSON.parse(run(['--session', code, '--format', 'json'], db).stdout).polls.find((p: { id: string }) => p.id === poll).results)
    const published = []
    const combined = []
    for (const list of [
      'GRPA22,GRPC44',
      'GRPA22,GRPC44,GRPD55',
      'GRPA22,GRPD55',
      'GRPB33,GRPC44,GRPD55',
      'GRPB33,GRPC44',
    ]) {
      const json = JSON.parse(run(['--sessions', list, '--format', 'json'], db).stdout)
      const csv = run(['--sessions', list, '--format', 'csv'], db).stdout
      for (const poll of ['choice', 'agreement']) {
        published.push(...[
          ...publishedFigures(json, poll),
          ...csvFigures(csv, findPoll(poll)!),
        ].map(figures => ({ label: `${list} ${poll}`, figures })))
        combined.push({
          label: `${list} ${poll} combined`,
          figures: figuresOf(json.polls.find((p: { id: string }) => p.id === poll).combined),
        })
      }
    }
    // C and D on the choice, D on the scale: fewer than five answered there.
    for (const [target, poll] of [
      ['GRPC44', 'choice'],
      ['GRPD55', 'choice'],
      ['GRPD55', 'agreement'],
    ] as const) {
      const known = ['GRPA22', 'GRPB33', 'GRPC44', 'GRPD55'].filter(c => c !== target).map(c => ({
        label: c,
        figures: own(c, poll),
      }))
      expect(derive(own(target, poll), published, combined, known), `${target} ${poll}`).toBeNull()
    }
  })

  it('follows MIN_GROUP_SIZE', () => {
    const result = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/results.ts',
      '--sessions',
      'GRPA22,GRPC44',
      '--format',
      'json',
    ], {
      cwd: root,
      env: {
        ...process.env,
        POLL_DB: db,
        DECK_ENTRY: entry,
        MIN_GROUP_SIZE: '3',
      },
      encoding: 'utf8',
    })
    const choice = JSON.parse(result.stdout).polls.find((p: { id: string }) => p.id === 'choice')
    expect(choice.bySession.GRPC44).toMatchObject({
      participants: 3,
      counts: { no: 2, unsure: 1 },
    })
  })

  it('names every unknown code at once, and refuses a malformed list, with exit code 2', () => {
    const unknown = run([
      '--sessions',
      'GRPA22,ZZZZ22,nope',
      '--format',
      'csv',
    ], db)
    expect(unknown.status).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('unknown sessions: ZZZZ22, nope')
    expect(unknown.stderr).toContain('Sessions: GRPA22, GRPB33, GRPC44, GRPD55')
    const many = run(['--sessions', 'A2,B2,C2,D2,E2,F2,G2,H2,J2'], db)
    expect(many.status).toBe(2)
    expect(many.stderr).toContain('sessions: at most 8 sessions side by side')
    const both = run([
      '--session',
      'GRPA22',
      '--sessions',
      'GRPA22,GRPB33',
    ], db)
    expect(both.status).toBe(2)
    expect(both.stderr).toContain('--session or --sessions, not both')
  })

  it('answers a wrong command line, a file it cannot write, a bad setting or deck in one line and exit code 2, with no stack', () => {
    const usage = 'Usage: npm run --silent results -- --session CODE [--format csv|json] [--output FILE] (or --sessions CODE,CODE,…)'
    const file = join(mkdtempSync(join(tmpdir(), 'results-cli-')), 'a-file')
    writeFileSync(file, '')
    const cases: [args: string[], env: Record<string, string>, line: string][] = [
      [
        ['--sessions'],
        {},
        `Option '--sessions <value>' argument missing. ${usage}`,
      ],
      [
        ['--session', 'GRPA22', '--bogus'],
        {},
        `Unknown option '--bogus'. ${usage}`,
      ],
      [
        ['--session', 'GRPA22', 'extra'],
        {},
        `Unexpected argument 'extra'. This command does not take positional arguments. ${usage}`,
      ],
      [
        [
          '--session',
          'GRPA22',
          '--output',
          join(file, 'grpa22.csv'),
        ],
        {},
        `Cannot write ${join(file, 'grpa22.csv')}: a part of the path is a file, not a folder`,
      ],
      [
        [
          '--session',
          'GRPA22',
          '--output',
          join(file, '..', 'no-folder', 'grpa22.csv'),
        ],
        {},
        `Cannot write ${join(file, '..', 'no-folder', 'grpa22.csv')}: no such folder`,
      ],
      [
        ['--session', 'GRPA22'],
        { MIN_GROUP_SIZE: 'five' },
        'Bad configuration: MIN_GROUP_SIZE: MIN_GROUP_SIZE must be a whole number',
      ],
      [
        ['--session', 'GRPA22'],
        { DECK_ENTRY: 'no-such-deck.md' },
        'No deck at no-such-deck.md: no such file',
      ],
    ]
    for (const [args, env, line] of cases) {
      const result = spawnSync(process.execPath, [
        '--import',
        'tsx',
        'packages/slidev-addon-live-polls/cli/results.ts',
        ...args,
      ], {
        cwd: root,
        env: {
          ...process.env,
          POLL_DB: db,
          DECK_ENTRY: entry,
          DEBUG: '',
          ...env,
        },
        encoding: 'utf8',
      })
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: `${line}\n` })
    }
  })

  it('with DEBUG set, adds the stack under the line', () => {
    const result = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/results.ts',
      '--bogus',
    ], {
      cwd: root,
      env: {
        ...process.env,
        POLL_DB: db,
        DECK_ENTRY: entry,
        DEBUG: '1',
      },
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    const [line, ...stack] = result.stderr.trim().split('\n')
    expect(line).toMatch(/^Unknown option '--bogus'\. Usage: /)
    expect(stack.join('\n')).toContain('at parseCommandLine')
  })
})

describe('npm run results -- --sessions … --format json, streamed', () => {
  const db = tempDb()
  beforeAll(async () => {
    const store = createSqliteStore(db)
    await seedComparison(store)
    await store.close()
  })

  it('prints the document the whole comparison was, byte for byte, and on stderr each group withheld where', () => {
    const result = run([
      '--sessions',
      COMPARED.map(code => code || 'default').join(','),
      '--format',
      'json',
    ], db)
    expect(result.status, result.stderr).toBe(0)
    // The comparison as the API downloaded it before it streamed (comparison-export.json), with the note and the time first.
    const before = JSON.parse(readFileSync(join(root, 'packages/slidev-addon-live-polls/test/fixture/comparison-export.json'), 'utf8')) as object
    const { exportedAt } = JSON.parse(result.stdout) as { exportedAt: string }
    expect(result.stdout).toBe(`${JSON.stringify({ privacy: PRIVACY_NOTE, exportedAt, ...before }, null, 2)}\n`)
    expect(result.stderr).toBe([
      'Withheld (fewer than 5 participants answered, MIN_GROUP_SIZE; left out of the combined results):',
      '  GRPAAA: second-choice, third-choice, fourth-choice',
      '  GRPBBB: third-choice, fourth-choice, agreement',
      '  GRPCCC: choice, second-choice, third-choice, fourth-choice, choices, ranking, ideas, agreement',
      '  default: second-choice, third-choice, fourth-choice, choices, ranking',
      '',
    ].join('\n'))
  })
})
