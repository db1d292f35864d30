import { describe, expect, it } from 'vitest'
import { findPoll } from '../test/fixturePolls.ts'
import { validateAnswer } from './validateAnswer.ts'

const poll = (id: string) => findPoll(id)!

describe('validateAnswer', () => {
  it('accepts one known option for a single-choice poll', () => {
    expect(validateAnswer(poll('choice'), 'formal')).toEqual({ ok: true, answer: 'formal' })
    expect(validateAnswer(poll('choice'), 'nope').ok).toBe(false)
    expect(validateAnswer(poll('choice'), ['formal']).ok).toBe(false)
  })

  it('wants distinct known options for multiple choice', () => {
    expect(validateAnswer(poll('choices'), ['resources', 'culture']).ok).toBe(true)
    expect(validateAnswer(poll('choices'), []).ok).toBe(false)
    expect(validateAnswer(poll('choices'), ['resources', 'resources']).ok).toBe(false)
  })

  it('wants a whole number in range for a scale', () => {
    expect(validateAnswer(poll('agreement'), 5).ok).toBe(true)
    expect(validateAnswer(poll('agreement'), 6).ok).toBe(false)
    expect(validateAnswer(poll('agreement'), 2.5).ok).toBe(false)
    expect(validateAnswer(poll('agreement'), '3').ok).toBe(false)
  })

  it('trims text and bounds its length', () => {
    expect(validateAnswer(poll('ideas'), '  procurement   rules ')).toEqual({ ok: true, answer: 'procurement rules' })
    expect(validateAnswer(poll('ideas'), '   ').ok).toBe(false)
    expect(validateAnswer(poll('ideas'), 'x'.repeat(201)).ok).toBe(false)
  })

  it('wants every option exactly once for a ranking', () => {
    const order = [
      'support',
      'resources',
      'culture',
      'regulation',
      'outsourcing',
    ]
    expect(validateAnswer(poll('ranking'), order).ok).toBe(true)
    expect(validateAnswer(poll('ranking'), order.slice(1)).ok).toBe(false)
    expect(validateAnswer(poll('ranking'), [
      ...order.slice(1),
      'support',
      'support',
    ]).ok).toBe(false)
  })

  it('says what it expected', () => {
    const result = validateAnswer(poll('agreement'), 9)
    expect(result).toEqual({ ok: false, error: 'answer must be a number from 1 to 5' })
  })
})

describe('validateAnswer on texts that are not text', () => {
  it('refuses a lone UTF-16 surrogate, which JSON can carry and PostgreSQL cannot store, and keeps a whole pair', () => {
    expect(validateAnswer(poll('ideas'), 'x\uD800y')).toEqual({
      ok: false,
      error: 'answer must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)',
    })
    expect(validateAnswer(poll('ideas'), 'x\uDC00').ok).toBe(false)
    expect(validateAnswer(poll('ideas'), 'shared 🎉')).toEqual({ ok: true, answer: 'shared 🎉' })
  })

  it('refuses noncharacters instead of keeping them', () => {
    for (const char of [
      '\uFFFE',
      '\uFFFF',
      '\uFDD0',
      '\uFDEF',
      '\u{1FFFE}',
      '\u{10FFFF}',
    ]) {
      expect(validateAnswer(poll('ideas'), `idea${char}`)).toEqual({
        ok: false,
        error: 'answer must be text without noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …)',
      })
    }
  })

  it('counts a text that shows nothing as empty: blanks, fillers and invisible characters only', () => {
    for (const blank of [
      '\u2800',
      '\u2800 \u2800',
      '\u3164',
      '\uFFA0',
      '\u115F\u1160',
      '\u200B\u2800',
      '\u00A0\u3000',
    ]) {
      expect(validateAnswer(poll('ideas'), blank), JSON.stringify(blank)).toEqual({ ok: false, error: 'answer must be a non-empty answer' })
    }
    // A blank glyph beside a real character is the sender's to keep.
    expect(validateAnswer(poll('ideas'), 'a\u2800b').ok).toBe(true)
  })
})
