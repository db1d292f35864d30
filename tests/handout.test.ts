import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { polls } from '../polls/definitions'
import { createStore } from '../server/store'
import { loadSlides } from './deck'

function text(file: string, first: number, last = first): string {
  return execFileSync('pdftotext', [
    '-f',
    String(first),
    '-l',
    String(last),
    file,
    '-',
  ], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ')
}

describe('npm run handout', () => {
  it('carries one session\'s results: cover with code and date, poll slides, notes and an appendix with the numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-'))
    const db = join(dir, 'polls.sqlite')
    const store = createStore(db)
    store.createSession('HND234', Date.now())
    store.createSession('OTHER2', Date.now())
    const at = Date.now()
    store.saveVotes([
      ...['formal', 'informal', 'informal', 'no'].map((answer, i) => ({
        session: 'HND234',
        poll: 'has-ospo',
        participant: `handout-${i}-xxx`,
        answer,
        at,
      })),
      ...[2, 4, 5, 5].map((answer, i) => ({
        session: 'HND234',
        poll: 'twenty-years',
        participant: `handout-${i}-xxx`,
        answer,
        at,
      })),
      {
        session: 'HND234',
        poll: 'what-else',
        participant: 'handout-0-xxx',
        answer: '<i>Skills</i> & culture',
        at,
      },
      {
        session: 'HND234',
        poll: 'what-else',
        participant: 'handout-1-xxx',
        answer: 'Launch 🚀',
        at,
      },
      // Another workshop's answers must not leak into this handout.
      {
        session: 'OTHER2',
        poll: 'has-ospo',
        participant: 'other-phone-1',
        answer: 'unsure',
        at,
      },
    ])
    store.close()
    const out = join(dir, 'handout.pdf')
    // Its own temporary folder, to see what the handout leaves behind there.
    const temp = join(dir, 'tmp')
    mkdirSync(temp)
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'scripts/handout.ts',
      '--session',
      'hnd234',
      '--output',
      out,
    ], {
      stdio: 'inherit',
      env: { ...process.env, POLL_DB: db, TMPDIR: temp },
    })
    // The intermediate deck PDF (hidden results revealed) is gone.
    const pdfs = readdirSync(temp, { recursive: true }).map(String).filter(f => f.endsWith('.pdf'))
    console.log(`PDFs left in the temporary folder: ${pdfs.length}`)
    expect(pdfs).toEqual([])

    const slides = await loadSlides()
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1])
    expect(pages).toBeGreaterThan(1 + slides.length + polls.length)

    const cover = text(out, 1)
    expect(cover).toContain('A Study on OSPOs in the European Public Sector')
    expect(cover).toContain('session HND234')
    expect(cover).toContain(new Date().toISOString().slice(0, 10))
    expect(cover).toContain('4 participants')

    // The deck follows the cover: its poll slides show this session's numbers.
    const slidePage = (poll: string) => 1 + slides.find(s => s.poll === poll)!.no
    expect(text(out, slidePage('has-ospo'))).toMatch(/Yes, something like it 2 · 50%/)
    expect(text(out, slidePage('has-ospo'))).toContain('4 answers')
    expect(text(out, slidePage('twenty-years'))).toContain('Mean: 4')
    // Hidden during the workshop, shown in the handout; typed markup stays text.
    expect(text(out, slidePage('what-else'))).toContain('<i>Skills</i> & culture')

    // Emoji are drawn by the colour emoji font (embedded by Chromium as a Type 3 bitmap font), not as
    // the text font's empty boxes.
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' })
    expect(fonts).toMatch(/Type 3/)

    const rest = text(out, slides.length + 2, pages)
    expect(rest).toContain('Speaker notes')
    expect(rest).toContain('The study maps OSPOs across the EU')
    // The appendix: one page per poll with its numbers.
    const appendixPages = Array.from({ length: pages }, (_, i) => text(out, i + 1)).filter(t => t.startsWith('Results appendix'))
    expect(appendixPages.map(t => polls.find(p => t.includes(p.question))?.id)).toEqual(polls.map(p => p.id))
    const appendix = appendixPages.join(' ')
    expect(appendix).toContain('Yes, a formal OSPO 1 25%')
    expect(appendix).toContain('Yes, something like it 2 50%')
    expect(appendix).toContain('Mean 4')
    expect(appendix).toContain('<i>Skills</i> & culture 1')
    // The other workshop's "I don't know" is not counted here.
    expect(appendix).toMatch(/I don.t know 0 0%/)
  }, 300_000)
})
