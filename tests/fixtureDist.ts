import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Contents of the small built deck `fixtureDist` makes, by path under the server's root. */
export const fixtureFiles: Record<string, string> = {
  '/index.html': '<!doctype html><title>deck</title><script src="/assets/app.js"></script>',
  '/assets/app.js': `console.log(${JSON.stringify('deck '.repeat(50))})`,
  '/vote/index.html': '<!doctype html><title>vote</title>',
  '/vote/assets/vote.js': `console.log(${JSON.stringify('vote '.repeat(50))})`,
  '/console/index.html': '<!doctype html><title>console</title>',
  '/console/assets/console.js': `console.log(${JSON.stringify('console '.repeat(50))})`,
}

/** A stand-in for `dist/` (deck, voting page, console) for tests that start `server/entries/main.ts` with DECK_DIST. */
export function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'))
  for (const [path, text] of Object.entries(fixtureFiles)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}
