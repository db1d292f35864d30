// A deck in Swedish (examples/swedish: `htmlAttrs: { lang: sv }`) speaks Swedish on its slides and in its handout:
// the handout exports the deck through Slidev in Chromium (each poll slide drawn with the session's results) and
// adds its own pages, so one run shows both the slides' text and the handout's labels, read back with pdftotext.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { pdfPageTexts } from '../packages/slidev-addon-live-polls/cli/slidePagesCheck'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/stores/sqliteStore'

describe('a deck in Swedish', () => {
  it('has its poll slides, join screen and handout in Swedish, numbers and the date as Swedish writes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-sv-'))
    const db = join(dir, 'polls.sqlite')
    const store = createSqliteStore(db)
    await store.createSession('SVE234', Date.now())
    const at = Date.now()
    const vote = (poll: string, i: number, answer: string | number) => ({
      session: 'SVE234',
      poll,
      participant: `sv-${i}-xxxx`,
      answer,
      at,
    })
    await store.saveVotes([
      ...['pairing', 'pairing', 'demos'].map((answer, i) => vote('keep', i, answer)),
      ...[4, 5].map((answer, i) => vote('mood', i, answer)),
      ...['Kortare möten', 'Kortare möten', 'Mer parprogrammering'].map((answer, i) => vote('change', i, answer)),
    ])
    await store.close()
    const out = join(dir, 'handout.pdf')
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/handout.ts',
      '--session',
      'SVE234',
      '--output',
      out,
      'examples/swedish/slides.md',
    ], {
      stdio: 'inherit',
      env: { ...process.env, POLL_DB: db },
    })
    // pdftotext's words, spaces of every kind as one.
    const pages = pdfPageTexts(out).map(page => page.replace(/\s+/g, ' '))
    const all = pages.join('\n')

    // The handout's own words: cover, captions, running footer, appendix.
    const today = new Intl.DateTimeFormat('sv', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())
    expect(pages[0]).toContain(`Workshopunderlag · session SVE234 · ${today}`)
    expect(pages[0]).toContain('3 deltagare svarade på frågorna.')
    expect(pages[0]).toContain('Bild 1 av 6 · Teamets retro')
    expect(pages[0]).toContain('Sida 1 av')
    expect(pages[1]).toContain('Ge alla en stund att skanna koden.')
    expect(pages[5]).toContain('Inga talaranteckningar.')
    const appendix = pages.slice(6).join('\n')
    expect(appendix).toContain('Resultatbilaga')
    expect(appendix).toContain('3 svar · ett val')
    expect(appendix).toContain('Förra sprinten 40 %')
    expect(appendix).toContain('2 · 67 %')
    expect(appendix).toContain('Medelvärde: 4,5')
    expect(appendix).toContain('2 svar · skala')

    // The slides, as Slidev drew them: the join screen, then each poll slide with its answers in Swedish.
    expect(pages[1]).toContain('Koden för att delta visas här när presentationen visas.')
    expect(pages[2]).toMatch(/Vad ska vi fortsätta med\?.*3 svar/)
    expect(pages[2]).toContain('Förra sprinten 40 %')
    expect(pages[3]).toContain('Medelvärde: 4,5')
    expect(pages[4]).toMatch(/Kortare möten 2/)

    // No English left: the words the addon writes on slides and in the handout.
    expect(all).not.toMatch(/\b(answers?|participants?|Slide \d|Page \d|Mean|Results appear|Reference|Vote on your phone)\b/)
  }, 300_000)
})
