import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { loadSlides } from './deck'
import { findPoll } from './deckPolls.ts'

const MM = 72 / 25.4

/** Each page's text laid out as on paper (`pdftotext -layout`): a table's row is one line, read left to right. */
function layoutPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1)
}

/** A page's lines, white space collapsed, without the withheld columns' words (which may share a row's line). */
function lines(page: string): string[] {
  return page.split('\n').map(l => l.replace(/fewer than 5|answered/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean)
}

/** The figures of each row of a table ("2 · 25%", "28 · #1"; on a poll page "25%"), row by row. */
function figureRows(text: string, pattern: RegExp): string[][] {
  return lines(text).map(l => l.match(pattern) ?? []).filter(f => f.length)
}

const APPENDIX_FIGURE = /\d+ · (?:\d+%|#\d+)/g
const SLIDE_FIGURE = /\b\d+%/g
/** A scale's figures and its mean. */
const WITH_MEAN = (figure: RegExp): RegExp => new RegExp(`${figure.source}|\\b\\d\\.\\d+\\b`, 'g')

/** From one poll's heading to the next one's. */
function section(text: string, question: string, next?: string): string {
  const start = text.indexOf(question)
  expect(start, question).toBeGreaterThanOrEqual(0)
  return text.slice(start, next
    ? text.indexOf(next, start)
    : undefined)
}

const flat = (text: string): string => text.replace(/\s+/g, ' ')
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
const question = (poll: string): string => findPoll(poll)!.question
const slides = await loadSlides()

/** A compared handout's parts: its cover, a poll slide's place on its page (above the caption and the speaker notes), the appendix. */
function parts(pages: string[]) {
  const pollPage = (poll: string): string => pages[slides.find(s => s.poll === poll)!.no - 1]!.split(/Slide \d+ of/)[0]!
  const appendix = pages.slice(slides.length).join('\n')
  return {
    cover: pages[0]!,
    pollPage,
    appendix,
    // Where a group's figures could be read: the poll pages (the deck's slide, exported with its results, is not
    // drawn there) and the appendix; the industry's reference figures left out.
    figures: [
      ...slides.filter(s => s.poll).map(s => pollPage(s.poll!)),
      appendix,
    ].join('\n').replace(/Industry \d+%/g, ''),
  }
}

/** The deck's own fonts, no fallback; A4, every word at least 15 mm from each edge. */
function checkPrint(out: string, pages: string[]): void {
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
}

describe('npm run handout -- --sessions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handout-compare-'))
  const db = join(dir, 'polls.sqlite')
  beforeAll(async () => {
    const store = createSqliteStore(db)
    const at = Date.now()
    for (const code of ['GRPA22', 'GRPB33', 'GRPC44', 'GRPD55'])
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
    // A: eight people; B: five; C: three and D: two, each fewer than MIN_GROUP_SIZE (5) everywhere. C's and D's
    // answers are in no figure: "All groups" counts A and B only, thirteen people. C's figures are chosen to appear
    // nowhere else (its shares 67% and 33%, its mean 3.67, its text "Tiny group secret"), and D's (its shares 50%,
    // its mean 2.5, its text "Quiet corner"); the combined shares are thirteenths, none of theirs.
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
      ...votes('GRPD55', 'has-ospo', ['planned', 'unsure']),
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
      // B's 80% for directed: on the maturity poll C and D are three together, and B is shown all the same.
      ...votes('GRPB33', 'maturity', [
        'directed',
        'directed',
        'directed',
        'directed',
        'repetitive',
      ]),
      ...votes('GRPC44', 'maturity', ['accidental']),
      ...votes('GRPD55', 'maturity', ['accidental', 'accidental']),
      ...votes('GRPA22', 'twenty-years', [2, 3, 4, 4, 5, 5, 3, 4]),
      ...votes('GRPB33', 'twenty-years', [1, 2, 2, 3, 3]),
      ...votes('GRPC44', 'twenty-years', [5, 5, 1]),
      ...votes('GRPD55', 'twenty-years', [1, 4]),
      ...votes('GRPA22', 'challenges', [
        ...repeat(5, ['resources', 'culture']),
        ...repeat(3, ['regulation']),
      ]),
      ...votes('GRPB33', 'challenges', repeat(5, ['support', 'outsourcing', 'resources'])),
      ...votes('GRPC44', 'challenges', repeat(3, ['outsourcing'])),
      ...votes('GRPD55', 'challenges', [
        ['regulation', 'resources'],
        ['regulation'],
      ]),
      ...votes('GRPA22', 'challenges-rank', [
        ...repeat(4, ranked('culture', 'resources', 'regulation', 'support', 'outsourcing')),
        ...repeat(4, ranked('resources', 'culture', 'support', 'regulation', 'outsourcing')),
      ]),
      ...votes('GRPB33', 'challenges-rank', repeat(5, ranked('outsourcing', 'support', 'regulation', 'culture', 'resources'))),
      ...votes('GRPC44', 'challenges-rank', repeat(3, ranked('regulation', 'outsourcing', 'support', 'culture', 'resources'))),
      ...votes('GRPD55', 'challenges-rank', repeat(2, ranked('resources', 'support', 'outsourcing', 'culture', 'regulation'))),
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
      ...votes('GRPD55', 'what-else', ['Skills', 'Quiet corner']),
    ])
    await store.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** The compared handout of `sessions`, as pages of text; the PDF stays in `dir` for the font and margin checks. */
  function handout(sessions: string, name: string): { out: string, pages: string[] } {
    const out = join(dir, `${name}.pdf`)
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/handout.ts',
      '--sessions',
      sessions,
      '--output',
      out,
    ], {
      stdio: 'inherit',
      env: { ...process.env, POLL_DB: db, TMPDIR: dir },
    })
    return {
      out,
      pages: layoutPages(out),
    }
  }

  it('compares four groups: the cover names them, poll pages and appendix give each group\'s figures and the shown ones combined, the small ones only "fewer than 5" and none of their answers in "All groups"', () => {
    // A small group first: the deck is exported with its results on the poll slides, none of which may reach the handout.
    // Four groups: drawn as rows, one under another, with the options across.
    const { out, pages } = handout('grpc44,GRPA22,GRPB33,GRPD55', 'four')
    const { cover, pollPage, appendix, figures } = parts(pages)

    // The cover: the groups by name (else code), how many took part in each, the small ones only as "fewer than 5".
    expect(flat(cover)).toContain('Workshop handout · 4 groups compared')
    expect(flat(cover)).toContain('GRPC44 fewer than 5 participants')
    expect(flat(cover)).toContain('GRPD55 fewer than 5 participants')
    expect(lines(cover)).toContain('Group 1 — municipalities GRPA22 8 participants')
    expect(lines(cover)).toContain('GRPB33 5 participants')
    expect(lines(cover)).toContain('All groups 13 participants in groups of 5 or more')

    // A poll page: a row per group, then the combined of A and B; C and D only say they are withheld.
    const hasOspo = pollPage('has-ospo')
    expect(flat(hasOspo)).toContain(question('has-ospo'))
    expect(flat(hasOspo)).toMatch(/GRPC44 .*Group 1 — .*GRPB33 .*GRPD55 .*All groups/)
    expect(count(hasOspo, /fewer than 5 answered/g)).toBe(2)
    expect(figureRows(hasOspo, SLIDE_FIGURE)).toEqual([
      ['25%', '25%', '13%', '25%', '13%'],
      ['20%', '60%', '0%', '20%', '0%'],
      ['23%', '38%', '8%', '23%', '8%'],
    ])
    expect(figureRows(pollPage('twenty-years'), WITH_MEAN(SLIDE_FIGURE))).toEqual([
      [
        '0%',
        '13%',
        '25%',
        '38%',
        '25%',
        '3.75',
      ],
      ['20%', '40%', '40%', '0%', '0%', '2.2'],
      [
        '8%',
        '23%',
        '31%',
        '23%',
        '15%',
        '3.15',
      ],
    ])
    expect(flat(pollPage('what-else'))).toContain('Group 1 — municipalities Skills Budgets Legal clarity Time')
    // Groups as rows list four answers each, so a long word keeps its cell: the combined row's other two are counted.
    expect(flat(pollPage('what-else'))).toContain('+2 more')
    // The maturity poll: C's one answer and D's two are three together; B is shown all the same (no group is
    // withheld for another's sake), and the combined is A's and B's.
    const maturityPage = pollPage('maturity')
    expect(count(maturityPage, /fewer than 5 answered/g)).toBe(2)
    expect(figureRows(maturityPage, SLIDE_FIGURE)).toEqual([
      ['13%', '25%', '38%', '13%', '13%'],
      ['0%', '20%', '80%', '0%', '0%'],
      ['8%', '23%', '54%', '8%', '8%'],
    ])

    // The appendix: a table per poll, a row per group and the combined one.
    for (const page of pages.slice(slides.length))
      expect(page).toContain('Results appendix · 4 groups compared')
    expect(figureRows(section(appendix, question('has-ospo'), question('maturity')), APPENDIX_FIGURE)).toEqual([
      [
        '2 · 25%',
        '2 · 25%',
        '1 · 13%',
        '2 · 25%',
        '1 · 13%',
      ],
      [
        '1 · 20%',
        '3 · 60%',
        '0 · 0%',
        '1 · 20%',
        '0 · 0%',
      ],
      [
        '3 · 23%',
        '5 · 38%',
        '1 · 8%',
        '3 · 23%',
        '1 · 8%',
      ],
    ])
    const maturity = section(appendix, question('maturity'), question('level'))
    expect(flat(maturity)).toContain('13 answers in the groups shown')
    expect(figureRows(maturity, APPENDIX_FIGURE)).toEqual([
      [
        '1 · 13%',
        '2 · 25%',
        '3 · 38%',
        '1 · 13%',
        '1 · 13%',
      ],
      [
        '0 · 0%',
        '1 · 20%',
        '4 · 80%',
        '0 · 0%',
        '0 · 0%',
      ],
      [
        '1 · 8%',
        '3 · 23%',
        '7 · 54%',
        '1 · 8%',
        '1 · 8%',
      ],
    ])
    expect(figureRows(section(appendix, question('challenges'), question('challenges-rank')), APPENDIX_FIGURE)).toEqual([
      [
        '5 · 63%',
        '3 · 38%',
        '5 · 63%',
        '0 · 0%',
        '0 · 0%',
      ],
      [
        '5 · 100%',
        '0 · 0%',
        '0 · 0%',
        '5 · 100%',
        '5 · 100%',
      ],
      [
        '10 · 77%',
        '3 · 23%',
        '5 · 38%',
        '5 · 38%',
        '5 · 38%',
      ],
    ])
    // Ranking: Borda points and place in each group, options in the combined order; equal points keep the poll's
    // order (resources before culture, regulation before support), as the console and the projector place them.
    const ranking = section(appendix, question('challenges-rank'), question('what-else'))
    // (combined: culture 33, resources 28, support 27, regulation 22, outsourcing 20)
    expect(figureRows(ranking, APPENDIX_FIGURE)).toEqual([
      [
        '28 · #2',
        '28 · #1',
        '12 · #4',
        '12 · #3',
        '0 · #5',
      ],
      [
        '5 · #4',
        '0 · #5',
        '15 · #2',
        '10 · #3',
        '20 · #1',
      ],
      [
        '33 · #1',
        '28 · #2',
        '27 · #3',
        '22 · #4',
        '20 · #5',
      ],
    ])
    // Open text: each group's answers, most frequent first; the combined counts A's and B's only.
    const texts = lines(section(appendix, question('what-else'), question('twenty-years')))
    expect(texts).toContain('Group 1 — municipalities Skills 3 · Budgets 2 · Legal clarity 2 · Time 1')
    expect(texts).toContain('GRPB33 Community 2 · Procurement rules 2 · Skills 1')
    expect(texts).toContain('All groups Skills 4 · Budgets 2 · Community 2 · Legal clarity 2 · Procurement rules 2 · Time 1')
    expect(figureRows(section(appendix, question('twenty-years')), WITH_MEAN(APPENDIX_FIGURE))).toEqual([
      [
        '0 · 0%',
        '1 · 13%',
        '2 · 25%',
        '3 · 38%',
        '2 · 25%',
        '3.75',
      ],
      [
        '1 · 20%',
        '2 · 40%',
        '2 · 40%',
        '0 · 0%',
        '0 · 0%',
        '2.2',
      ],
      [
        '1 · 8%',
        '3 · 23%',
        '4 · 31%',
        '3 · 23%',
        '2 · 15%',
        '3.15',
      ],
    ])

    // Withheld, and saying so: C and D on every poll, A and B too where nobody answered (level, sponsor), each on
    // its poll page and in the appendix; no group withheld for another's sake.
    expect(count(figures, /fewer than 5 answered/g)).toBe(2 * (8 + 8 + 2 + 2))
    const all = pages.join('\n')
    expect(all).not.toMatch(/withheld to protect|smaller group/)
    // The small groups' own figures, how many answered in them, and their answers appear nowhere, the combined
    // included: C's shares 67% and 33%, mean 3.67 and "Tiny group secret"; D's shares 50%, mean 2.5 and "Quiet
    // corner"; no total of all four groups (18) nor of a poll's answers with C's and D's (16 on the maturity poll).
    expect(`${cover}\n${figures}`).not.toMatch(/\b(?:67|33|50)%/)
    expect(all).not.toMatch(/\b3\.67\b|\b2\.5\b/)
    expect(all).not.toMatch(/\b[123] (?:answers?|participants?)\b/)
    expect(all).not.toMatch(/Tiny group secret|Quiet corner/)
    expect(all).not.toMatch(/\b1[68] (?:answers?|participants?)\b/)

    checkPrint(out, pages)
  }, 300_000)

  it('compares three groups: the small one withheld on every poll and left out of "All groups", the others given in full', () => {
    // Three groups: drawn as columns. Without D, C's three answers are the only ones withheld; B is shown, and
    // "All groups" counts A and B only, so that no difference of published figures gives C's answers.
    const { out, pages } = handout('grpc44,GRPA22,GRPB33', 'three')
    const { cover, pollPage, appendix, figures } = parts(pages)
    expect(flat(cover)).toContain('Workshop handout · 3 groups compared')
    expect(flat(cover)).toContain('GRPC44 fewer than 5 participants')
    expect(lines(cover)).toContain('GRPB33 5 participants')
    expect(lines(cover)).toContain('All groups 13 participants in groups of 5 or more')

    // A poll page: A, B and the combined give their figures; C's column says why it gives none.
    const hasOspo = pollPage('has-ospo')
    expect(flat(hasOspo)).toMatch(/GRPC44 Group 1 — GRPB33 All groups fewer than 5 municipalities 5 answers 13 answers 8 answers/)
    expect(figureRows(hasOspo, SLIDE_FIGURE)).toEqual([
      ['25%', '20%', '23%'],
      ['25%', '60%', '38%'],
      ['13%', '0%', '8%'],
      ['25%', '20%', '23%'],
      ['13%', '0%', '8%'],
    ])
    expect(figureRows(pollPage('twenty-years'), WITH_MEAN(SLIDE_FIGURE))).toEqual([
      ['0%', '20%', '8%'],
      ['13%', '40%', '23%'],
      ['25%', '40%', '31%'],
      ['38%', '0%', '23%'],
      ['25%', '0%', '15%'],
      ['3.75', '2.2', '3.15'],
    ])

    // The appendix: a column per group and the combined one, C's a withheld one on every poll.
    const polls = [
      'has-ospo',
      'maturity',
      'level',
      'sponsor',
      'challenges',
      'challenges-rank',
      'what-else',
      'twenty-years',
    ]
    const table = (poll: string): string => section(appendix, question(poll), polls[polls.indexOf(poll) + 1] && question(polls[polls.indexOf(poll) + 1]!))
    for (const poll of [
      'has-ospo',
      'maturity',
      'challenges',
      'challenges-rank',
      'twenty-years',
    ]) {
      expect(flat(table(poll)), poll).toMatch(/GRPC44 GRPA22 GRPB33 All groups fewer than 5 8 answers 5 answers 13 answers/)
    }
    expect(figureRows(table('has-ospo'), APPENDIX_FIGURE)).toEqual([
      ['2 · 25%', '1 · 20%', '3 · 23%'],
      ['2 · 25%', '3 · 60%', '5 · 38%'],
      ['1 · 13%', '0 · 0%', '1 · 8%'],
      ['2 · 25%', '1 · 20%', '3 · 23%'],
      ['1 · 13%', '0 · 0%', '1 · 8%'],
    ])
    expect(figureRows(table('maturity'), APPENDIX_FIGURE)).toEqual([
      ['1 · 13%', '0 · 0%', '1 · 8%'],
      ['2 · 25%', '1 · 20%', '3 · 23%'],
      ['3 · 38%', '4 · 80%', '7 · 54%'],
      ['1 · 13%', '0 · 0%', '1 · 8%'],
      ['1 · 13%', '0 · 0%', '1 · 8%'],
    ])
    expect(figureRows(table('challenges'), APPENDIX_FIGURE)).toEqual([
      ['5 · 63%', '5 · 100%', '10 · 77%'],
      ['3 · 38%', '0 · 0%', '3 · 23%'],
      ['5 · 63%', '0 · 0%', '5 · 38%'],
      ['0 · 0%', '5 · 100%', '5 · 38%'],
      ['0 · 0%', '5 · 100%', '5 · 38%'],
    ])
    // (combined: culture 33, resources 28, support 27, regulation 22, outsourcing 20)
    expect(figureRows(table('challenges-rank'), APPENDIX_FIGURE)).toEqual([
      ['28 · #2', '5 · #4', '33 · #1'],
      ['28 · #1', '0 · #5', '28 · #2'],
      ['12 · #4', '15 · #2', '27 · #3'],
      ['12 · #3', '10 · #3', '22 · #4'],
      ['0 · #5', '20 · #1', '20 · #5'],
    ])
    const texts = lines(table('what-else'))
    expect(texts).toContain('Skills 3 Community 2 Skills 4')
    expect(texts).toContain('Budgets 2 Procurement rules 2 Budgets 2')
    expect(figureRows(table('twenty-years'), WITH_MEAN(APPENDIX_FIGURE))).toEqual([
      ['0 · 0%', '1 · 20%', '1 · 8%'],
      ['1 · 13%', '2 · 40%', '3 · 23%'],
      ['2 · 25%', '2 · 40%', '4 · 31%'],
      ['3 · 38%', '0 · 0%', '3 · 23%'],
      ['2 · 25%', '0 · 0%', '2 · 15%'],
      ['3.75', '2.2', '3.15'],
    ])

    // C withheld on every poll, A and B too where nobody answered (level, sponsor), on its poll page and in the
    // appendix (a narrow column breaks "fewer than 5 answered" over lines: its last word counted, not the
    // appendix's note on "participants answered"); no group withheld for another's sake.
    expect(count(figures, /(?<!participants )\banswered\b/g)).toBe(2 * (8 + 2 + 2))
    const all = pages.join('\n')
    expect(all).not.toMatch(/withheld to protect|smaller group/)
    // None of C's figures, its count or its answers anywhere, the combined included: its shares 67% and 33%, its
    // mean 3.67, "Tiny group secret"; no total of all three groups (16).
    expect(`${cover}\n${figures}`).not.toMatch(/\b(?:67|33)%/)
    expect(all).not.toMatch(/\b3\.67\b/)
    expect(all).not.toMatch(/\b3 (?:answers|participants)\b/)
    expect(all).not.toContain('Tiny group secret')
    expect(all).not.toMatch(/\b16 (?:answers?|participants?)\b/)

    checkPrint(out, pages)
  }, 300_000)
})
