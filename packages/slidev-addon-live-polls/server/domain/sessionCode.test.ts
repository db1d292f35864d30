import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, generateSessionCode, normalizeSessionCode } from './sessionCode'

describe('session codes', () => {
  it('are six characters with no ambiguous letters or digits', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateSessionCode()
      expect(code).toMatch(/^[A-Z2-9]{6}$/)
      expect(code).not.toMatch(/[01OIL]/)
    }
    expect(CODE_ALPHABET).toHaveLength(31)
  })

  it('normalise what people type, and refuse what cannot be a code', () => {
    expect(normalizeSessionCode(' abc234 ')).toBe('ABC234')
    expect(normalizeSessionCode('ABC10O')).toBeUndefined()
    expect(normalizeSessionCode('<script>')).toBeUndefined()
    expect(normalizeSessionCode('')).toBeUndefined()
  })

  it('are 4 to 12 characters long', () => {
    expect(normalizeSessionCode('ABC')).toBeUndefined()
    expect(normalizeSessionCode('ABCD')).toBe('ABCD')
    expect(normalizeSessionCode('ABCDEFGHJKMN')).toBe('ABCDEFGHJKMN')
    expect(normalizeSessionCode('ABCDEFGHJKMNP')).toBeUndefined()
    expect(normalizeSessionCode('  ABCD  ')).toBe('ABCD')
  })
})
