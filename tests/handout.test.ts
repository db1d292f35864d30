import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { load } from '@slidev/parser/fs'
import { describe, expect, it } from 'vitest'
import { TEXT_ROWS } from '../packages/slidev-addon-live-polls/cli/handoutAppendix'
import { pdfPageTexts } from '../packages/slidev-addon-live-polls/cli/slidePagesCheck'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { loadSlides } from './deck'
import { polls } from './deckPolls.ts'

const MM = 72 / 25.4
/** Text answers to the open poll: few frequent ones and many given once, as a large room types them. */
const TEXT_ANSWERS = 3000
const LONG_WORD = 'Interoperabilitetsramverksimplementeringsarbetsgrupp'.repeat(4)

describe('npm run handout', () => {
  it('makes an A4 notes handout in the deck\'s fonts: one cover, each slide with its notes, an appendix with every answer counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-'))
    const db = join(dir, 'polls.sqlite')
    const store = createSqliteStore(db)
    await store.createSession('HND234', Date.now())
    await store.createSession('OTHER2', Date.now())
    const at = Date.now()
    const vote = (poll: string, i: number, answer: string | number) => ({
      session: 'HND234',
      poll,
      participant: `handout-${i}-xxx`,
      answer,
      at,
    })
    const texts = [
      ...Array.from<string>({ length: 5 }).fill('<i>Skills</i> & culture'),
      ...Array.from<string>({ length: 4 }).fill('Launch 🚀'),
      ...Array.from<string>({ length: 3 }).fill('"Budget"'),
      ...Array.from<string>({ length: 3 }).fill('Agile procurement'),
      ...Array.from<string>({ length: 2 }).fill(LONG_WORD),
    ]
    await store.saveVotes([
      ...['formal', 'informal', 'informal', 'no'].map((answer, i) => vote('has-ospo', i, answer)),
      ...[2, 4, 5, 5].map((answer, i) => vote('twenty-years', i, answer)),
      vote('maturity', 0, 'directed'),
      ...Array.from({ length: TEXT_ANSWERS }, (_, i) => vote('what-else', i, texts[i] ?? `Idea number ${i}`)),
      // Another workshop's answers must not leak into this handout.
      {
        session: 'OTHER2',
        poll: 'has-ospo',
        participant: 'other-phone-1',
        answer: 'unsure',
        at,
      },
    ])
    await store.close()
    const out = join(dir, 'handout.pdf')
    // Its own temporary folder, to see what the handout leaves behind there.
    const temp = join(dir, 'tmp')
    mkdirSync(temp)
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/handout.ts',
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
    const root = resolve(import.meta.dirname, '..')
    const notes = (await load({
      roots: [root],
      userRoot: root,
    }, resolve(root, 'slides.md'))).slides.map(s => s.note ?? '')
    const pages = pdfPageTexts(out)

    // Fonts: the deck's own (Lato, Lexend, Fira Code), and the colour emoji font as a Type 3 bitmap
    // font; no fallback such as DejaVu Sans anywhere, cover, notes and appendix included.
    const fontRows = execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2)
    const fonts = [
      ...new Set(fontRows.map(row => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))),
    ].sort()
    console.log(`Fonts: ${fonts.join(', ')}`)
    expect(fonts).toEqual([
      'FiraCodeLight-Regular',
      'Lato-Bold',
      'Lato-Regular',
      'Lexend-Bold',
      '[none]',
    ])
    expect(fontRows.find(row => row.startsWith('[none]'))).toMatch(/Type 3/)

    // A4 portrait, and every word of every page at least 15 mm from each edge.
    const bbox = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    const sizes = [
      ...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g),
    ].map(m => [Number(m[1]) / MM, Number(m[2]) / MM])
    expect(sizes).toHaveLength(pages.length)
    for (const [width, height] of sizes) {
      expect(width).toBeCloseTo(210, 0)
      expect(height).toBeCloseTo(297, 0)
    }
    const words = [
      ...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g),
    ].map(m => m.slice(1).map(n => Number(n) / MM))
    const margin = Math.min(...words.flatMap(([x0, y0, x1, y1]) => [x0!, y0!, 210 - x1!, 297 - y1!]))
    console.log(`Pages: ${pages.length} (A4), narrowest margin ${margin.toFixed(1)} mm`)
    expect(margin).toBeGreaterThanOrEqual(15)

    // One cover: the deck's own first slide with the handout's session, date and participants.
    expect(pages[0]).toContain('A Study on OSPOs in the European Public Sector')
    expect(pages[0]).toContain('Workshop handout · session HND234')
    // The day, as the deck's language (English here) writes it.
    expect(pages[0]).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date()))
    expect(pages[0]).toContain('3,000 participants answered the polls')
    expect(pages.filter(t => t.includes('Workshop handout ·'))).toHaveLength(1)

    // Page n is slide n's notes page: the slide (its heading), then its speaker notes.
    for (const slide of slides) {
      const page = pages[slide.no - 1]!
      expect(page, `page ${slide.no}`).toContain(`Slide ${slide.no} of ${slides.length}`)
      expect(page, `page ${slide.no}`).toContain(slide.title)
      expect(page, `notes on page ${slide.no}`).toContain(notes[slide.no - 1]!.trim().split('\n')[0]!.slice(0, 40))
    }
    // A long note, whole on its slide's page.
    const maturityModel = slides.find(s => s.title === 'The Open Source Maturity model')!
    expect(pages[maturityModel.no - 1]).toContain('Think of two axes: effort for the organisation on x, value for the organisation on y.')

    // The poll slides show this session's numbers; hidden during the workshop, shown in the handout;
    // typed markup stays text.
    const slidePage = (poll: string) => pages[slides.find(s => s.poll === poll)!.no - 1]!
    expect(slidePage('has-ospo')).toMatch(/Yes, something like it 2 · 50%/)
    expect(slidePage('has-ospo')).toContain('4 answers')
    expect(slidePage('twenty-years')).toContain('Mean: 4')
    expect(slidePage('what-else')).toContain('<i>Skills</i> & culture')

    // Then the results appendix, every page of it under its running header: 1 cover + notes pages + appendix.
    const appendixPages = pages.slice(slides.length)
    expect(appendixPages.length).toBeGreaterThanOrEqual(3)
    for (const page of appendixPages)
      expect(page).toContain('Results appendix · session HND234')
    expect(pages.slice(0, slides.length).filter(t => t.includes('Results appendix ·'))).toEqual([])
    const appendix = appendixPages.join(' ')
    for (const poll of polls)
      expect(appendix).toContain(poll.question)
    expect(appendix).toContain('4 answers · single choice')
    expect(appendix).toContain('Yes, a formal OSPO 1 · 25% Industry 30%')
    expect(appendix).toContain('Yes, something like it 2 · 50% Industry 20%')
    // The other workshop's "I don't know" is not counted here.
    expect(appendix).toMatch(/I don.t know 0 · 0%/)
    expect(appendix).toContain('Mean: 4')
    // Plurals by rule: one answer is "1 answer", anywhere in the handout.
    expect(appendix).toContain('1 answer · single choice')
    expect(pages.join(' ')).not.toMatch(/\b1 (?:answers|participants|points)\b/)
    // The text poll: most frequent first, leading punctuation not deciding the order, long words
    // wrapped whole, and the answers not listed counted.
    expect(appendix).toContain('3,000 answers · open text')
    // (pdftotext reads the emoji, a bitmap glyph, after the count beside it)
    expect(appendix).toMatch(/<i>Skills<\/i> & culture 5 Launch (?:🚀 4|4 🚀) Agile procurement 3 "Budget" 3/)
    // (and the long word's count between two of its wrapped lines)
    expect(appendix.replace(/ 2 /g, ' ').replace(/ /g, '')).toContain(LONG_WORD)
    const groups = TEXT_ANSWERS - texts.length + 5
    expect(appendix).toContain(`${(groups - TEXT_ROWS).toLocaleString('en')} more answers (each given by 1 participant) are not listed here`)
  }, 300_000)
})
