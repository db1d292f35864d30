// First step of `npm test`: say exactly what to install when a tool the tests drive is missing.
import { execFileSync } from 'node:child_process'
import process from 'node:process'
import pg from 'pg'
import { resolveChromium } from 'slidev-addon-live-polls/cli/browser.ts'
import { testServerUrl } from 'slidev-addon-live-polls/test/postgres.ts'

async function checkPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  await client.end()
}

const missing: string[] = []
if (Number(process.versions.node.split('.')[0]) < 22)
  missing.push(`Node.js ${process.version} is past its end of life; this project runs on Node 24 LTS (or 22). In this shell:  . scripts/node24.sh`)
try {
  console.log(`Browser: ${resolveChromium()}`)
}
catch (err) {
  missing.push((err as Error).message)
}
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
}
catch {
  missing.push('No pdftotext found (the PDF tests read exported text). Install it with:  sudo apt-get install -y poppler-utils')
}
try {
  if (!execFileSync('fc-list', [':family=Noto Color Emoji'], { encoding: 'utf8' }).trim())
    throw new Error('missing')
}
catch {
  missing.push('No emoji font found (answers with emoji would print as boxes in PDFs). Install it with:  sudo apt-get install -y fonts-noto-color-emoji')
}
try {
  execFileSync(process.env.HAPROXY ?? 'haproxy', ['-v'], { stdio: 'ignore' })
}
catch {
  missing.push('No HAProxy found (the multi-process test runs the servers behind it). Install it with:  sudo apt-get install -y haproxy')
}
try {
  execFileSync('reuse', ['--version'], { stdio: 'ignore' })
}
catch {
  missing.push('No reuse found (`npm run lint:reuse` checks that every file states its licence). Install it with:  sudo apt-get install -y reuse')
}
try {
  await checkPostgres()
}
catch (err) {
  missing.push(`No PostgreSQL for the tests at ${testServerUrl}: ${(err as Error).message}. Set TEST_DATABASE_URL to a server where the user may create databases, or run:  . scripts/postgres.sh`)
}
if (missing.length) {
  console.error(missing.join('\n'))
  process.exit(1)
}
