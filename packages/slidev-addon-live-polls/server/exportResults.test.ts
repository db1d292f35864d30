import { describe, expect, it } from 'vitest'
import { polls } from '../test/fixturePolls.ts'
import { csvCell, pseudonym, toCsv } from './exportResults'

describe('toCsv', () => {
  it('writes a privacy header, one row per answer, and escapes text', () => {
    const at = Date.UTC(2026, 10, 27, 10, 0, 0)
    const csv = toCsv([
      {
        session: 'ABC234',
        rows: [
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
        ],
      },
    ], polls)
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('session,poll,kind,participant,answer,time')
    expect(lines[1]).toBe(`ABC234,choice,single,${pseudonym('ABC234', 'phone-one-1')},formal,2026-11-27T10:00:00.000Z`)
    expect(lines[2]).toContain('support > resources')
    expect(lines[3]).toContain('"\'=HYPERLINK(""x""), <b>hi</b>"')
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
