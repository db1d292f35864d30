import { describe, expect, it } from 'vitest'
import { polls } from '../polls/definitions'
import { pseudonym, toCsv } from './exportResults'

describe('toCsv', () => {
  it('writes a privacy header, one row per answer, and escapes text', () => {
    const at = Date.UTC(2026, 10, 27, 10, 0, 0)
    const csv = toCsv('ABC234', [
      { poll: 'has-ospo', participant: 'phone-one-1', answer: 'formal', at },
      { poll: 'challenges-rank', participant: 'phone-one-1', answer: ['support', 'resources'], at },
      { poll: 'what-else', participant: 'phone-two-2', answer: '=HYPERLINK("x"), <b>hi</b>', at },
    ], polls)
    const lines = csv.trim().split('\n')
    expect(lines[0]).toMatch(/^# No personal data is collected/)
    expect(lines[1]).toBe('session,poll,kind,participant,answer,time')
    expect(lines[2]).toBe(`ABC234,has-ospo,single,${pseudonym('ABC234', 'phone-one-1')},formal,2026-11-27T10:00:00.000Z`)
    expect(lines[3]).toContain('support > resources')
    expect(lines[4]).toContain('"\'=HYPERLINK(""x""), <b>hi</b>"')
  })

  it('gives a participant different pseudonyms in different sessions', () => {
    expect(pseudonym('A', 'p')).not.toBe(pseudonym('B', 'p'))
    expect(pseudonym('A', 'p')).toMatch(/^[0-9a-f]{12}$/)
  })
})
