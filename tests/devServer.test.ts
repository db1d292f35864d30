import type { ChildProcess } from 'node:child_process'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, root } from '../packages/slidev-addon-live-polls/test/serverProcess'

// `npm run dev` as a presenter runs it, with a database in the project's data folder (where POLL_DB
// defaults to), holding an answer in its write-ahead log.
const folder = `dev-server-test-${process.pid}`
const dbRelative = `data/${folder}/polls.sqlite`
const db = join(root, dbRelative)
const marker = `leak-marker-${process.pid}-7d1c`
const token = 'dev-server-test-token'
let dev: ChildProcess
let port: number

/** A GET with the path sent exactly as written (fetch would normalise `..` and some escapes). */
function get(path: string, method = 'GET', body?: string): Promise<{ status: number, body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method,
      headers: body
        ? { 'content-type': 'application/json', 'accept': 'application/json, text/event-stream' }
        : {},
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        body: Buffer.concat(chunks),
      }))
    })
    req.on('error', reject)
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer to ${path}`)))
    req.end(body)
  })
}

beforeAll(async () => {
  mkdirSync(join(root, 'data', folder), { recursive: true })
  writeFileSync(join(root, 'data', folder, 'notes.txt'), `private notes ${marker}`)
  port = await freePort()
  dev = spawn(process.execPath, [
    'node_modules/@slidev/cli/bin/slidev.mjs',
    '--port',
    String(port),
    '--open',
    'false',
  ], {
    cwd: root,
    env: { ...process.env, POLL_DB: dbRelative, PRESENTER_TOKEN: token },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 90_000
  for (;;) {
    if (dev.exitCode !== null || Date.now() > deadline)
      throw new Error('the dev server did not start')
    if (await get('/api/health').then(r => r.status === 200, () => false))
      break
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  const vote = await fetch(`http://127.0.0.1:${port}/api/polls/what-else/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ participant: 'dev-server-test-1', answer: marker }),
  })
  expect(vote.status).toBe(200)
}, 120_000)

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise(resolve => dev.once('exit', resolve))
    dev.kill('SIGTERM')
    await exited
  }
  rmSync(join(root, 'data', folder), { recursive: true, force: true })
})

describe('the dev server (npm run dev)', () => {
  it('never hands out the database, its WAL and shared memory, or anything in the data folder', async () => {
    expect(existsSync(`${db}-wal`)).toBe(true)
    const files = [
      'polls.sqlite',
      'polls.sqlite-wal',
      'polls.sqlite-shm',
      'notes.txt',
    ]
    const paths: string[] = []
    for (const file of files) {
      const rel = `data/${folder}/${file}`
      const encoded = rel.replace(/[a-z.]/g, c => `%${c.charCodeAt(0).toString(16)}`)
      paths.push(
        `/${rel}`,
        `/${rel}?raw`,
        `/${rel}?import&raw`,
        `/${rel}?url`,
        `/${rel}?inline`,
        `/${encoded}`,
        `/${rel.replace(/\//g, '%2F')}`,
        `/${rel.replace(/\//g, '%252F')}`,
        `/./${rel}`,
        `/public/../${rel}`,
        `/data/../${rel}`,
        `/%2e/${rel}`,
        `/DATA/${folder}/${file}`,
        `/@fs${root}/${rel}`,
        `/@fs${root}/${rel}?raw`,
        `/@fs${root}/${encoded}`,
        `/@fs${root}/./${rel}?import`,
        `/@fs/${root}/${rel}`,
        `/@id/${rel}?raw`,
        `/@id${root}/${rel}?raw`,
      )
    }
    paths.push(`/data/${folder}/`, `/@fs${root}/data/${folder}/`, '/data/', `/@fs${root}/data/`)
    const leaks: string[] = []
    const statuses = new Map<number, number>()
    for (const path of paths) {
      const res = await get(path)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      // The answer's text, or the file's own first bytes, in what came back is a leak.
      const heads = files.map(f => join(root, 'data', folder, f)).filter(existsSync).map(f => readFileSync(f).subarray(0, 64))
      if (res.body.includes(marker) || res.body.includes('SQLite format 3') || heads.some(head => res.body.includes(head)))
        leaks.push(`${path} → ${res.status}`)
    }
    console.log(`${paths.length} paths to the data folder tried; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`)
    expect(leaks).toEqual([])
  })

  it('has Slidev\'s MCP endpoint (which can rewrite the slides) off', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/list',
      params: {},
    })
    const res = await get('/__mcp', 'POST', body)
    console.log(`POST /__mcp → ${res.status} ${res.body.toString().slice(0, 120)}`)
    // `mcp: false` in the headmatter: Slidev answers that it is disabled, and does nothing.
    expect(res.status).toBeOneOf([403, 404])
    expect(res.body.toString()).not.toMatch(/"tools"/)
  })
})
