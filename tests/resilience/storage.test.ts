import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { createTestDatabase } from '../../packages/slidev-addon-live-polls/test/postgres'
import { freePort, root, tempDb } from '../../packages/slidev-addon-live-polls/test/serverProcess'
import { fixtureDist } from '../fixtureDist'

const dist = fixtureDist()

interface Run {
  child: ChildProcess
  url: string
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string
  exited: Promise<number | null>
}

const running: Run[] = []
afterEach(() => {
  for (const run of running.splice(0)) run.child.kill('SIGKILL')
})

/** `npm start`'s server on `db`, optionally run through a wrapper (setpriv, a shell with ulimit), `env` added. */
async function spawnServer(db: string, wrapper: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const port = await freePort()
  const command = [
    ...wrapper,
    process.execPath,
    '--import',
    'tsx',
    'packages/slidev-addon-live-polls/server/entries/main.ts',
  ]
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      POLL_DB: db,
      DECK_DIST: dist,
      PRESENTER_TOKEN: 'storage-test-token',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const run = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
  }
  running.push(run)
  return run
}

/** Waits until the server answers /api/health (any status), or throws if it exits first. */
async function healthy(run: Run): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null)
      throw new Error(`server exited with ${run.child.exitCode}: ${run.output()}`)
    try {
      await fetch(`${run.url}/api/health`)
      return
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error('server did not answer')
}

/** The server must refuse to start: exit 1 within 20 s, with one line naming the database, and no stack trace. */
async function refused(db: string, wrapper: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const run = await spawnServer(db, wrapper, env)
  const started = performance.now()
  const code = await Promise.race([
    run.exited,
    new Promise(resolve => setTimeout(resolve, 20_000, 'still running')),
  ])
  const lines = run.output().trim().split('\n')
  console.log(`refused in ${Math.round(performance.now() - started)} ms: ${lines.join(' | ')}`)
  expect(code).toBe(1)
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(db)
  expect(run.output()).not.toMatch(/^\s+at /m)
  return lines[0]!
}

// Root writes to read-only files anyway: run the server without that capability, as any other user would be.
const withoutRootOverride = process.getuid?.() === 0
  ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--']
  : []

describe('storage faults at start', () => {
  it('a file that is not a database', async () => {
    const db = tempDb()
    writeFileSync(db, 'these are not the votes you are looking for\n'.repeat(100))
    expect(await refused(db)).toContain('is not a SQLite database')
  })

  it('a read-only database', async () => {
    const db = tempDb()
    await createSqliteStore(db).close()
    chmodSync(db, 0o444)
    expect(await refused(db, withoutRootOverride)).toContain('is read-only')
  })

  it('a database another server is using; the lock goes with that server, even killed', async () => {
    const db = tempDb()
    const first = await spawnServer(db)
    await healthy(first)
    expect(await refused(db)).toContain('is in use by another poll server')
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200)
    first.child.kill('SIGKILL')
    await first.exited
    const next = await spawnServer(db)
    await healthy(next)
    expect((await fetch(`${next.url}/api/health`)).status).toBe(200)
  }, 60_000)
})

describe('postgreSQL faults', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })

  it('a server that cannot be reached: refused at start, naming it without its password', async () => {
    const port = await freePort()
    const line = await refused(`postgres://polls@127.0.0.1:${port}/polls`, [], { DATABASE_URL: `postgres://polls:hunter2-secret@127.0.0.1:${port}/polls` })
    expect(line).toContain('cannot be reached')
    expect(line).not.toContain('hunter2')
  })

  it('a database that stops taking writes: votes refused, not acknowledged, /api/health 503; taken again once it does', async () => {
    database = await createTestDatabase()
    const admin = new pg.Client({ connectionString: database.url })
    // Dropping the database after a failed run ends this connection too.
    admin.on('error', () => {})
    await admin.connect()
    const name = new URL(database.url).pathname.slice(1)
    const run = await spawnServer(':memory:', [], { DATABASE_URL: database.url })
    await healthy(run)
    const vote = (participant: string) => fetch(`${run.url}/api/polls/has-ospo/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant, answer: 'formal' }),
    })
    expect((await vote('pg-phone-before')).status).toBe(200)
    // As a full disk or a failover to a read-only standby would: every write refused, on every connection.
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`)
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
    const during = await vote('pg-phone-during')
    expect(during.status).toBe(503)
    expect(await during.json()).toEqual({ error: 'not stored: the server cannot write its database right now; try again', retry: true })
    const health = await fetch(`${run.url}/api/health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({
      ok: false,
      error: expect.stringContaining('is read-only'),
    })
    expect(run.output()).toMatch(/Storage error: .*is read-only/)
    expect(run.output()).not.toMatch(/^\s+at /m)

    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = off`)
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
    await expect.poll(async () => (await vote('pg-phone-after')).status, { timeout: 10_000 }).toBe(200)
    const { rows } = await admin.query<{ participant: string }>('SELECT participant FROM votes ORDER BY participant')
    expect(rows.map(r => r.participant)).toEqual(['pg-phone-after', 'pg-phone-before'])
    await admin.end()
  }, 60_000)
})

describe('storage faults while running', () => {
  it('writes failing (file size limit, as a full disk): votes refused and logged, /api/health 503, no refused vote acknowledged', async () => {
    const db = tempDb()
    // The server's files may not grow past ~256-512 KiB (ulimit -f counts 512- or 1024-byte blocks, by shell):
    // enough to start, then the write-ahead log hits the limit after some votes.
    const run = await spawnServer(db, ['sh', '-c', 'ulimit -f 512 && exec "$0" "$@"'])
    await healthy(run)
    expect((await fetch(`${run.url}/api/health`)).status).toBe(200)

    const acked: string[] = []
    const refusedVotes: string[] = []
    let health: { status: number, body: unknown } | undefined
    for (let i = 0; i < 400 && refusedVotes.length < 5; i++) {
      const participant = `disk-phone-${i}-xxxx`
      const res = await fetch(`${run.url}/api/polls/what-else/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ participant, answer: `answer ${i} ${'x'.repeat(150)}` }),
      })
      expect([200, 503], await res.clone().text()).toContain(res.status)
      if (res.status === 200) {
        acked.push(participant)
      }
      else {
        refusedVotes.push(participant)
        expect(await res.json()).toEqual({ error: 'not stored: the server cannot write its database right now; try again', retry: true })
        const h = await fetch(`${run.url}/api/health`)
        health ??= { status: h.status, body: await h.json() }
      }
      await new Promise(resolve => setTimeout(resolve, 30)) // below the per-address POST rate limit
    }
    console.log(`${acked.length} votes acknowledged, then refused; /api/health said ${JSON.stringify(health)}`)
    expect(refusedVotes.length).toBeGreaterThan(0)
    expect(health?.status).toBe(503)
    expect(health?.body).toMatchObject({
      ok: false,
      error: expect.stringContaining('disk I/O error'),
    })
    const log = run.output().split('\n').filter(line => line.startsWith('Storage error'))
    expect(log[0]).toContain(db)
    expect(log[0]).toContain('SQLITE_IOERR')
    expect(run.output()).not.toMatch(/^\s+at /m)

    run.child.kill('SIGKILL')
    await run.exited
    const reader = new Database(db, { readonly: true })
    const stored = new Set((reader.prepare('SELECT participant FROM votes WHERE poll = ?').all('what-else') as { participant: string }[]).map(r => r.participant))
    reader.close()
    // Every acknowledged vote is in the file; no refused one is.
    expect(acked.filter(p => !stored.has(p))).toEqual([])
    expect(refusedVotes.filter(p => stored.has(p))).toEqual([])
  }, 60_000)
})
