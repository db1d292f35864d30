import type { TextResults } from '../polls/types'
import { describe, expect, it } from 'vitest'
import { sortTextEntries, TEXT_ROWS } from '../kinds/text/handout'
import { findPoll } from '../test/fixturePolls.ts'
import { cssFamilies, deckFonts } from './deckFontFaces'
import { escapeHtml } from './escapeHtml'
import { appendixHtml } from './handoutAppendix'
import { handoutHtml, notesHtml } from './handoutHtml'

function textResults(entries: { text: string, count: number }[]): TextResults {
  return {
    id: 'ideas',
    kind: 'text',
    participants: entries.reduce((n, e) => n + e.count, 0),
    open: true,
    revealed: true,
    entries,
    moreEntries: 0,
  }
}

/** The appendix as it reads: tags dropped, white space collapsed. */
function read(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ')
}

describe('handoutHtml', () => {
  it('escapes whatever participants typed', () => {
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe('&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;')
    const html = handoutHtml({
      title: 'T',
      session: 'ABC234',
      date: '2026-11-27',
      participants: 1,
      slides: [],
      slideAspect: 16 / 9,
      fontFaces: '',
      fonts: { body: 'Lato', headings: 'Lexend', code: 'Fira Code' },
      polls: [
        {
          poll: findPoll('ideas')!,
          results: textResults([
            { text: '<img src=x onerror=alert(1)>', count: 1 },
          ]),
        },
      ],
    })
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
  })

  it('puts the handout\'s details on the first slide\'s page only, with each slide\'s notes on its own', () => {
    const html = handoutHtml({
      title: 'T',
      session: 'ABC234',
      date: '2026-11-27',
      participants: 1,
      slides: [
        { no: 1, title: 'Cover', note: 'Welcome.' },
        { no: 2, title: 'Second', note: 'Two.' },
      ],
      slideAspect: 16 / 9,
      fontFaces: '',
      fonts: { body: 'Lato', headings: 'Lexend', code: 'Fira Code' },
      polls: [],
    })
    const sheets = html.split('<section class="sheet"').slice(1)
    expect(sheets).toHaveLength(2)
    expect(read(sheets[0]!)).toContain('Workshop handout · session ABC234 · November 27, 2026')
    expect(read(sheets[0]!)).toContain('1 participant answered')
    expect(read(sheets[0]!)).toContain('Slide 1 of 2 · Cover Welcome.')
    expect(sheets[1]).not.toContain('Workshop handout')
    expect(read(sheets[1]!)).toContain('Slide 2 of 2 · Second Two.')
  })

  it('speaks the deck\'s language: a Swedish deck\'s handout in Swedish, its date and numbers as Swedish writes them', () => {
    const html = handoutHtml({
      title: 'T',
      lang: 'sv',
      session: '',
      date: '2026-11-27',
      participants: 3000,
      slides: [
        { no: 1, title: 'Omslag', note: '' },
        {
          no: 2,
          title: 'Fråga',
          note: 'Två.',
          poll: 'agreement',
        },
      ],
      slideAspect: 16 / 9,
      fontFaces: '',
      fonts: { body: 'Lato', headings: 'Lexend', code: 'Fira Code' },
      polls: [
        {
          poll: findPoll('agreement')!,
          results: {
            id: 'agreement',
            kind: 'scale',
            participants: 4,
            open: false,
            revealed: true,
            counts: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 2 },
            mean: 3.5,
          },
        },
        {
          poll: findPoll('ideas')!,
          results: textResults([]),
        },
      ],
    })
    expect(html).toContain('<html lang="sv">')
    const text = read(html)
    expect(text).toContain('Workshopunderlag · session standard (konferens) · 27 november 2026')
    expect(text).toContain('3 000 deltagare svarade på frågorna.')
    expect(text).toContain('Bild 1 av 2 · Omslag Inga talaranteckningar.')
    expect(text).toContain('Resultatbilaga')
    expect(text).toContain('4 svar · skala')
    expect(text).toContain('Medelvärde: 3,5')
    expect(text).toContain('2 · 50 %')
    expect(text).toContain('Inga svar.')
    expect(html).toContain('content: "Sida " counter(page) " av " counter(pages)')
    expect(html).toContain('content: "T · workshopunderlag, session standard (konferens)"')
    expect(read(html.split('</style>')[1]!)).not.toMatch(/\b(answers?|participants?|Slide|Page|Mean)\b/)
  })

  it('renders notes as Markdown paragraphs and lists', () => {
    expect(notesHtml('One line\nwrapped.\n\nThree angles:\n- first\n- second, running\n  over a line\nAfter.')).toBe(
      '<p>One line wrapped.</p><p>Three angles:</p><ul><li>first</li><li>second, running over a line</li></ul><p>After.</p>',
    )
  })
})

describe('appendixHtml', () => {
  it('says "1 answer", and gives a choice poll\'s bars with counts and shares', () => {
    const text = read(appendixHtml([
      {
        poll: findPoll('choice')!,
        results: {
          id: 'choice',
          kind: 'single',
          participants: 1,
          open: true,
          revealed: true,
          counts: { formal: 1 },
        },
      },
    ], 'ABC234'))
    expect(text).toContain('1 answer · single choice')
    expect(text).not.toMatch(/\b1 answers/)
    expect(text).toContain('Option A Survey 30% 1 · 100%')
    expect(text).toContain('No 0 · 0%')
  })

  it('orders text answers by count, then alphabetically ignoring leading punctuation', () => {
    expect(sortTextEntries([
      { text: '"Zebra"', count: 2 },
      { text: '...and more', count: 2 },
      { text: 'Budget', count: 2 },
      { text: '¿Skills?', count: 2 },
      { text: 'rare', count: 1 },
      { text: 'Top', count: 5 },
    ]).map(e => e.text)).toEqual([
      'Top',
      '...and more',
      'Budget',
      '¿Skills?',
      '"Zebra"',
      'rare',
    ])
  })

  it('lists a 3,000-answer text poll up to its cap and says how many are left out', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      text: `answer ${i}`,
      count: i < 10
        ? 3
        : 1,
    }))
    const html = appendixHtml([
      {
        poll: findPoll('ideas')!,
        results: textResults(entries),
      },
    ], 'ABC234')
    expect(html.match(/class="bar"/g)).toHaveLength(TEXT_ROWS)
    expect(read(html)).toContain('3,020 answers · open text')
    expect(read(html)).toContain(`${(3000 - TEXT_ROWS).toLocaleString('en')} more answers (each given by 1 participant) are not listed here`)
    const one = read(appendixHtml([
      {
        poll: findPoll('ideas')!,
        results: textResults(entries.slice(0, TEXT_ROWS + 1)),
      },
    ], 'ABC234'))
    expect(one).toContain('1 more answer (given by 1 participant) is not listed here')
    const twice = read(appendixHtml([
      {
        poll: findPoll('ideas')!,
        results: textResults(entries.map(e => ({ ...e, count: 2 })).slice(0, 300)),
      },
    ], 'ABC234'))
    expect(twice).toContain(`${300 - TEXT_ROWS} more answers (each given by 2 participants or fewer) are not listed here`)
  })
})

describe('deckFonts', () => {
  it('takes the handout\'s fonts from the deck\'s headmatter, and only names a CSS string can carry', () => {
    expect(deckFonts({ sans: 'Lato', serif: 'Lexend', mono: '"Fira Code", monospace' })).toEqual({ body: 'Lato', headings: 'Lexend', code: 'Fira Code' })
    expect(deckFonts({ sans: 'Inter' })).toEqual({ body: 'Inter', headings: 'Inter', code: 'monospace' })
    expect(deckFonts(undefined)).toEqual({ body: 'sans-serif', headings: 'sans-serif', code: 'monospace' })
    expect(deckFonts({ sans: 'Evil\'; } body { color: red' })).toMatchObject({ body: 'sans-serif' })
  })

  it('names generic families bare in CSS: a quoted \'sans-serif\' is a font no machine has', () => {
    expect(cssFamilies('Lato', 'Noto Color Emoji', 'sans-serif')).toBe('\'Lato\', \'Noto Color Emoji\', sans-serif')
    expect(cssFamilies('sans-serif', 'Noto Color Emoji', 'sans-serif')).toBe('sans-serif, \'Noto Color Emoji\'')
    const html = handoutHtml({
      title: 'T',
      session: 'ABC234',
      date: '2026-12-08',
      participants: 0,
      slides: [],
      slideAspect: 16 / 9,
      fontFaces: '',
      fonts: deckFonts({ provider: 'none' }),
      polls: [],
    })
    expect(html).not.toMatch(/'(?:sans-serif|serif|monospace)'/)
  })
})
