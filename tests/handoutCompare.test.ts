import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/store/sqliteStore'
import { loadSlides } from './deck'
import { findPoll } from './deckPolls.ts'

const MM = 72 / 25.4

/** Each page's text laid out as on paper (`pdftotext -layout`): a table's row is one line, read left to right. */
function layoutPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1)
}

/** A page's lines, white space collapsed, without the withheld column's words (which may share a row's line). */
function lines(page: string): string[] {
  return page.split('\n').map(l => l.replace(/fewer than 5|answered/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean)
}

/** The figures of each row of a table ("2 · 25%", "28 · #1"; on a poll page "25%"), row by row. */
function figureRows(text: string, pattern: RegExp): string[][] {
  return lines(text).map(l => l.match(pattern) ?? []).filter(f => f.length)
}

const APPENDIX_FIGURE = /\d+ · (?:\d+%|#\d+)/g
const SLIDE_FIGURE = /\b\d+%/g

/** From one poll's heading to the next one's. */
function section(text: string, question: string, next?: string): string {
  const start = text.indexOf(question)
  expect(start, question).toBeGreaterThanOrEqual(0)
  return text.slice(start, next
    ? text.indexOf(next, start)
    : undefined)
}

describe('npm run handout -- --sessions', () => {
  it('compares groups: the cover names them, poll pages and appendix give each group\'s figures and the combined, a small group only "fewer than 5"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-compare-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const db = join(dir, 'polls.sqlite')
    const store = createSqliteStore(db)
    const at = Date.now()
    for (const code of ['GRPA22', 'GRPB33', 'GRPC44'])
      await store.createSession(code, at)
    await store.setSessionName('GRPA22', 'Group 1 — municipalities')
    const votes = (session: string, poll: string, answers: (string | string[] | number)[]) => answers.map((answer, i) => ({
      session,
      poll,
      participant: `${session}-phone-${i}`,
      answer,
      at,
    }))
    const ranked = (...order: string[]) => order
    const repeat = <T>(n: number, value: T): T[] => Array.from<T>({ length: n }).fill(value)
    // A: eight people; B: five; C: three, fewer than MIN_GROUP_SIZE (5) everywhere. B has only two answers on
    // the maturity poll. C's figures are chosen to appear nowhere else: its shares 67% and 33%, its mean 3.67.
    await store.saveVotes([
      ...votes('GRPA22', 'has-ospo', [
        'formal',
        'formal',
        'informal',
        'informal',
        'planned',
        'no',
        'no',
        'unsure',
      ]),
      ...votes('GRPB33', 'has-ospo', [
        'informal',
        'informal',
        'informal',
        'no',
        'formal',
      ]),
      ...votes('GRPC44', 'has-ospo', ['no', 'no', 'unsure']),
      ...votes('GRPA22', 'maturity', [
        'accidental',
        'repetitive',
        'repetitive',
        'directed',
        'directed',
        'directed',
        'collaborate',
        'prevail',
      ]),
      ...votes('GRPB33', 'maturity', ['accidental', 'accidental']),
      ...votes('GRPA22', 'twenty-years', [2, 3, 4, 4, 5, 5, 3, 4]),
      ...votes('GRPB33', 'twenty-years', [1, 2, 2, 3, 3]),
      ...votes('GRPC44', 'twenty-years', [5, 5, 1]),
      ...votes('GRPA22', 'challenges', [
        ...repeat(5, ['resources', 'culture']),
        ...repeat(3, ['regulation']),
      ]),
      ...votes('GRPB33', 'challenges', repeat(5, ['support', 'outsourcing', 'resources'])),
      ...votes('GRPC44', 'challenges', repeat(3, ['outsourcing'])),
      ...votes('GRPA22', 'challenges-rank', [
        ...repeat(4, ranked('culture', 'resources', 'regulation', 'support', 'outsourcing')),
        ...repeat(4, ranked('resources', 'culture', 'support', 'regulation', 'outsourcing')),
      ]),
      ...votes('GRPB33', 'challenges-rank', repeat(5, ranked('outsourcing', 'support', 'regulation', 'culture', 'resources'))),
      ...votes('GRPC44', 'challenges-rank', repeat(3, ranked('regulation', 'outsourcing', 'support', 'culture', 'resources'))),
      ...votes('GRPA22', 'what-else', [
        'Skills',
        'Skills',
        'Skills',
        'Legal clarity',
        'Legal clarity',
        'Time',
        'Budgets',
        'Budgets',
      ]),
      ...votes('GRPB33', 'what-else', [
        'Procurement rules',
        'Procurement rules',
        'Skills',
        'Community',
        'Community',
      ]),
      ...votes('GRPC44', 'what-else', ['Tiny group secret', 'Tiny group secret', 'Skills']),
    ])
    await store.close()
    const out = join(dir, 'handout.pdf')
    // The small group first: the deck is exported with its results on the poll slides, none of which may reach the handout.
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/handout.ts',
      '--sessions',
      'grpc44,GRPA22,GRPB33',
      '--output',
      out,
    ], {
      stdio: 'inherit',
      env: { ...process.env, POLL_DB: db, TMPDIR: dir },
    })

    const slides = await loadSlides()
    const pages = layoutPages(out)
    const all = pages.join('\n')
    const flat = (text: string): string => text.replace(/\s+/g, ' ')
    // A poll slide's place on its page, above the caption and the speaker notes.
    const pollPage = (poll: string) => pages[slides.find(s => s.poll === poll)!.no - 1]!.split(/Slide \d+ of/)[0]!
    const question = (poll: string) => findPoll(poll)!.question

    // The cover: the groups by name (else code), how many took part in each, the small one only as "fewer than 5".
    const cover = lines(pages[0]!)
    expect(flat(pages[0]!)).toContain('Workshop handout · 3 groups compared')
    expect(flat(pages[0]!)).toContain('GRPC44 fewer than 5 participants')
    expect(cover).toContain('Group 1 — municipalities GRPA22 8 participants')
    expect(cover).toContain('GRPB33 5 participants')
    expect(cover).toContain('All groups 16 participants')

    // A poll page: the groups side by side, then the combined; each row gives A, B and combined, nothing of C.
    const hasOspo = pollPage('has-ospo')
    expect(flat(hasOspo)).toContain(question('has-ospo'))
    expect(flat(hasOspo)).toMatch(/GRPC44 .*Group 1 — .*GRPB33 .*All groups/)
    expect(flat(hasOspo)).toContain('fewer than 5 answered')
    expect(figureRows(hasOspo, SLIDE_FIGURE)).toEqual([
      ['25%', '20%', '19%'],
      ['25%', '60%', '31%'],
      ['13%', '0%', '6%'],
      ['25%', '20%', '31%'],
      ['13%', '0%', '13%'],
    ])
    expect(lines(pollPage('twenty-years'))).toContain('Mean 3.75 2.2 3.25')
    expect(flat(pollPage('what-else'))).toContain('Skills 3')

    // The appendix: a table per poll, a column per group and the combined one.
    const appendix = pages.slice(slides.length).join('\n')
    for (const page of pages.slice(slides.length))
      expect(page).toContain('Results appendix · 3 groups compared')
    expect(figureRows(section(appendix, question('has-ospo'), question('maturity')), APPENDIX_FIGURE)).toEqual([
      ['2 · 25%', '1 · 20%', '3 · 19%'],
      ['2 · 25%', '3 · 60%', '5 · 31%'],
      ['1 · 13%', '0 · 0%', '1 · 6%'],
      ['2 · 25%', '1 · 20%', '5 · 31%'],
      ['1 · 13%', '0 · 0%', '2 · 13%'],
    ])
    // B answered the maturity poll with two: withheld there, while A's eight and all ten combined are given.
    const maturity = section(appendix, question('maturity'), question('level'))
    expect(flat(maturity)).toContain('10 answers in all')
    expect(figureRows(maturity, APPENDIX_FIGURE)).toEqual([
      ['1 · 13%', '3 · 30%'],
      ['2 · 25%', '2 · 20%'],
      ['3 · 38%', '3 · 30%'],
      ['1 · 13%', '1 · 10%'],
      ['1 · 13%', '1 · 10%'],
    ])
    expect(figureRows(section(appendix, question('challenges'), question('challenges-rank')), APPENDIX_FIGURE)).toEqual([
      ['5 · 63%', '5 · 100%', '10 · 63%'],
      ['3 · 38%', '0 · 0%', '3 · 19%'],
      ['5 · 63%', '0 · 0%', '5 · 31%'],
      ['0 · 0%', '5 · 100%', '5 · 31%'],
      ['0 · 0%', '5 · 100%', '8 · 50%'],
    ])
    // Ranking: Borda points and place in each group, rows in the combined order (equal points, equal place).
    expect(figureRows(section(appendix, question('challenges-rank'), question('what-else')), APPENDIX_FIGURE)).toEqual([
      ['28 · #1', '5 · #4', '36 · #1'],
      ['12 · #3', '10 · #3', '34 · #2'],
      ['12 · #3', '15 · #2', '33 · #3'],
      ['0 · #5', '20 · #1', '29 · #4'],
      ['28 · #1', '0 · #5', '28 · #5'],
    ])
    // Open text: each group's answers, most frequent first; the combined column counts the small group's too.
    const texts = lines(section(appendix, question('what-else'), question('twenty-years')))
    expect(texts).toContain('Skills 3 Community 2 Skills 5')
    expect(texts).toContain('Budgets 2 Procurement rules 2 Budgets 2')
    expect(texts).toContain('Legal clarity 2 Skills 1 Community 2')
    expect(texts).toContain('Tiny group secret 2')
    const scale = section(appendix, question('twenty-years'))
    expect(figureRows(scale, APPENDIX_FIGURE)).toEqual([
      ['0 · 0%', '1 · 20%', '2 · 13%'],
      ['1 · 13%', '2 · 40%', '3 · 19%'],
      ['2 · 25%', '2 · 40%', '4 · 25%'],
      ['3 · 38%', '0 · 0%', '3 · 19%'],
      ['2 · 25%', '0 · 0%', '4 · 25%'],
    ])
    expect(lines(scale)).toContain('Mean 3.75 2.2 3.25')

    // The small group's own figures, and how many answered in it, appear nowhere: not on the cover, not on
    // a poll page (the deck's slide, exported with its results, is not drawn there), not in the appendix.
    const compared = [
      pages[0]!,
      ...slides.filter(s => s.poll).map(s => pages[s.no - 1]!),
      appendix,
    ].join('\n').replace(/Industry \d+%/g, '')
    expect(compared).not.toMatch(/\b(?:67|33)%/)
    expect(all).not.toContain('3.67')
    expect(all).not.toMatch(/\b[23] (?:answers|participants)\b/)
    expect(compared.match(/fewer than 5/g)!.length).toBeGreaterThanOrEqual(2 * 8 + 1)

    // Fonts: the deck's own, no fallback; A4, every word at least 15 mm from each edge.
    const fonts = [
      ...new Set(execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2).map(row => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))),
    ].sort()
    console.log(`Fonts: ${fonts.join(', ')}`)
    expect(fonts).toEqual(expect.arrayContaining(['Lato-Bold', 'Lato-Regular', 'Lexend-Bold']))
    expect(fonts.filter(f => !/^(?:Lato|Lexend|FiraCode)|^\[none\]$/.test(f))).toEqual([])
    const bbox = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const words = [
      ...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g),
    ].map(m => m.slice(1).map(n => Number(n) / MM))
    const margin = Math.min(...words.flatMap(([x0, y0, x1, y1]) => [x0!, y0!, 210 - x1!, 297 - y1!]))
    console.log(`Pages: ${pages.length}, narrowest margin ${margin.toFixed(1)} mm`)
    expect(margin).toBeGreaterThanOrEqual(15)
  }, 300_000)
})
