import type { AnswerRow } from './exportResults'
import { describe, expect, it } from 'vitest'
import { polls } from '../../test/fixturePolls.ts'
import { csvCell, csvPieces, exportDocument, pseudonym } from './exportResults'
import { jsonPieces } from './jsonPieces'

async function* pagesOf(...pages: AnswerRow[][]): AsyncGenerator<AnswerRow[]> {
  yield* pages
}
async function text(pieces: AsyncIterable<string>): Promise<string> {
  let all = ''
  for await (const piece of pieces) all += piece
  return all
}

describe('csvPieces', () => {
  it('writes the header row, one row per answer, and escapes text', async () => {
    const at = Date.UTC(2026, 10, 27, 10, 0, 0)
    const csv = await text(csvPieces([
      {
        session: 'ABC234',
        pages: pagesOf([
          {
            poll: 'choice',
            participant: 'phone-one-1',
            answer: 'formal',
            at,
          },
          {
            poll: 'ranking',
            participant: 'phone-one-1',
            answer: ['support', 'resources'],
            at,
          },
          {
            poll: 'ideas',
            participant: 'phone-two-2',
            answer: '=HYPERLINK("x"), <b>hi</b>',
            at,
          },
        ]),
      },
    ], polls))
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('session,poll,kind,participant,answer,time')
    expect(lines[1]).toBe(`ABC234,choice,single,${pseudonym('ABC234', 'phone-one-1')},formal,2026-11-27T10:00:00.000Z`)
    expect(lines[2]).toContain('support > resources')
    expect(lines[3]).toContain('"\'=HYPERLINK(""x""), <b>hi</b>"')
  })

  it('writes a piece per page of rows, session after session', async () => {
    const row = (participant: string): AnswerRow => ({
      poll: 'choice',
      participant,
      answer: 'formal',
      at: 0,
    })
    const pieces: string[] = []
    for await (const piece of csvPieces([
      {
        session: '',
        pages: pagesOf([
          row('phone-1'),
          row('phone-2'),
        ], [
          row('phone-3'),
        ]),
      },
      {
        session: 'ABC234',
        pages: pagesOf([
          row('phone-4'),
        ]),
      },
    ], polls))
      pieces.push(piece)
    expect(pieces.map(p => p.split('\n').length - 1)).toEqual([1, 2, 1, 1])
    expect(pieces.slice(1).map(p => p.split(',')[0])).toEqual(['default', 'default', 'ABC234'])
  })

  it('gives a participant different pseudonyms in different sessions', () => {
    expect(pseudonym('A', 'p')).not.toBe(pseudonym('B', 'p'))
    expect(pseudonym('A', 'p')).toMatch(/^[0-9a-f]{12}$/)
  })
})

describe('csvCell', () => {
  // Split as a spreadsheet might (any separator, quotes ignored): no piece may start a formula.
  const pieces = (cell: string): string[] => cell.replace(/^"|"$/g, '').split(/[,;\t|\r\n]/)

  it.each([
    'a;=1+1;b',
    'ok;+cmd|\' /C calc\'!A0;z',
    'x,@SUM(A1)',
    'tab\t-2+3',
    'line\n=1',
    ' =lead',
    'full\uFF1Dwidth;\uFF1D1',
  ])('neutralises every piece of %j', (value) => {
    const cell = csvCell(value)
    for (const piece of pieces(cell))
      expect(piece).not.toMatch(/^\s*[=+\-@\uFF1D]/)
    console.log(`${JSON.stringify(value)} → ${cell}`)
  })

  it('drops NUL and the characters some readers take as line breaks', () => {
    expect(csvCell('a\0b\u0085c\u001Cd\u001De\u001Ef\u2028g\u2029h')).toBe('abcdefgh')
  })

  it('leaves plain text alone and quotes what holds a separator', () => {
    expect(csvCell('Procurement rules')).toBe('Procurement rules')
    expect(csvCell('a;b')).toBe('"a;b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
  })
})

describe('exportDocument', () => {
  it('is, written in pieces, per poll its question, results and every answer', async () => {
    const at = Date.UTC(2026, 10, 27, 10, 0, 0)
    const results = (id: string) => Promise.resolve({ id, participants: 1 } as never)
    const doc = JSON.parse(await text(jsonPieces(exportDocument('', polls.slice(0, 2), results, id => pagesOf(
      [
        {
          poll: id,
          participant: 'phone-one-1',
          answer: 'formal',
          at,
        },
      ],
      [
        {
          poll: id,
          participant: 'phone-two-2',
          answer: 'no',
          at,
        },
      ],
    )))))
    expect(doc).toMatchObject({
      session: 'default',
      privacy: expect.any(String),
      exportedAt: expect.any(String),
    })
    expect(doc.polls).toHaveLength(2)
    expect(doc.polls[0]).toEqual({
      id: polls[0]!.id,
      kind: polls[0]!.kind,
      question: polls[0]!.question,
      ...'options' in polls[0]!
        ? {
            options: polls[0]!.options.map(({ id, label }) => ({ id, label })),
          }
        : {},
      results: { id: polls[0]!.id, participants: 1 },
      answers: [
        {
          participant: pseudonym('', 'phone-one-1'),
          answer: 'formal',
          time: '2026-11-27T10:00:00.000Z',
        },
        {
          participant: pseudonym('', 'phone-two-2'),
          answer: 'no',
          time: '2026-11-27T10:00:00.000Z',
        },
      ],
    })
  })
})
