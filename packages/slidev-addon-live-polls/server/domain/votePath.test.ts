import type { StorageSettings } from '../stores/openStore.ts'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { connect, startInProcess } from '../../test/inProcessServer.ts'
import { onPostgres, testStorage } from '../../test/testStore.ts'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done()
})

/** Another client holding the votes table (PostgreSQL) or the file's write lock (SQLite) until `release()`. */
async function lockVotes(settings: StorageSettings): Promise<{ release: () => Promise<void> }> {
  if (settings.databaseUrl) {
    const client = new pg.Client({ connectionString: settings.databaseUrl })
    await client.connect()
    await client.query('BEGIN')
    await client.query('LOCK TABLE votes IN ACCESS EXCLUSIVE MODE')
    return {
      release: async () => {
        await client.query('ROLLBACK')
        await client.end()
      },
    }
  }
  const db = new Database(settings.dbPath)
  db.exec('BEGIN IMMEDIATE')
  return {
    release: async () => {
      db.exec('ROLLBACK')
      db.close()
    },
  }
}

describe(`a stuck database (${onPostgres ? 'PostgreSQL: the votes table locked' : 'SQLite: the file locked by another writer'})`, () => {
  it('refuses a vote as retryable within the lock timeout, says so on /api/health, and takes the vote once the lock goes', async () => {
    const settings = await testStorage()
    const server = await startInProcess({
      ...settings,
      timeouts: { statementMs: 5000, lockMs: 500 },
    })
    cleanup.push(server.close)
    const phone = await connect(server.url)
    cleanup.push(async () => phone.close())
    phone.send({ type: 'hello', participant: 'phone-participant-1' })
    await phone.until('current')
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)

    const lock = await lockVotes(settings)
    let locked = true
    cleanup.push(async () => locked && lock.release())
    const sent = performance.now()
    phone.send({
      type: 'vote',
      ref: 1,
      poll: 'choice',
      answer: 'formal',
    })
    // Refused while the lock is still held: before, the vote waited for as long as the lock lasted.
    expect(await phone.until('error', 15_000)).toEqual({
      type: 'error',
      ref: 1,
      error: 'not stored: the server cannot write its database right now; try again',
      retry: true,
    })
    console.log(`vote refused as retryable ${Math.round(performance.now() - sent)} ms after it was sent (lock timeout 500 ms)`)
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the database did not answer in time/),
    })

    await lock.release()
    locked = false
    phone.send({
      type: 'vote',
      ref: 2,
      poll: 'choice',
      answer: 'formal',
    })
    expect(await phone.until('ack', 15_000)).toEqual({ type: 'ack', ref: 2, poll: 'choice' })
    expect(await server.polls.service.results('', 'choice')).toMatchObject({
      counts: { formal: 1 },
    })
  })
})
