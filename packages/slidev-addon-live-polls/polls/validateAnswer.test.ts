import { describe, expect, it } from 'vitest'
import { findPoll } from '../test/fixturePolls.ts'
import { validateAnswer } from './validateAnswer.ts'

const poll = (id: string) => findPoll(id)!
const refused = (error: string) => ({ ok: false, error: `answer must be ${error}` })

// The fixture deck's polls: `choice` (single: formal, informal, planned, no, unsure), `choices` (multiple),
// `agreement` (scale 1–5), `ideas` (text, at most 200), `ranking` (resources, regulation, culture, support,
// outsourcing). The error is what a phone shows, so each refusal's whole text is stated.
const rankingIds = [
  'resources',
  'regulation',
  'culture',
  'support',
  'outsourcing',
]

describe('validateAnswer', () => {
  it('accepts one known option for a single-choice poll', () => {
    expect(validateAnswer(poll('choice'), 'formal')).toEqual({ ok: true, answer: 'formal' })
    expect(validateAnswer(poll('choice'), 'nope')).toEqual(refused('an option id of this poll (formal, informal, planned, no, unsure)'))
    expect(validateAnswer(poll('choice'), ['formal'])).toEqual(refused('an option id'))
  })

  it('wants distinct known options for multiple choice', () => {
    expect(validateAnswer(poll('choices'), ['resources', 'culture'])).toEqual({
      ok: true,
      answer: ['resources', 'culture'],
    })
    expect(validateAnswer(poll('choices'), 'resources')).toEqual(refused('an array of option ids'))
    expect(validateAnswer(poll('choices'), [])).toEqual(refused('at least one option'))
    expect(validateAnswer(poll('choices'), ['resources', 'resources'])).toEqual(refused('each option once'))
    expect(validateAnswer(poll('choices'), ['resources', 'nope'])).toEqual(refused(`an option id of this poll (${rankingIds.join(', ')})`))
  })

  it('wants a whole number in range for a scale', () => {
    expect(validateAnswer(poll('agreement'), 5)).toEqual({ ok: true, answer: 5 })
    expect(validateAnswer(poll('agreement'), 1)).toEqual({ ok: true, answer: 1 })
    expect(validateAnswer(poll('agreement'), 6)).toEqual(refused('a number from 1 to 5'))
    expect(validateAnswer(poll('agreement'), 0)).toEqual(refused('a number from 1 to 5'))
    expect(validateAnswer(poll('agreement'), 2.5)).toEqual(refused('a whole number'))
    expect(validateAnswer(poll('agreement'), '3')).toEqual(refused('a number'))
  })

  it('tidies text and bounds its length', () => {
    expect(validateAnswer(poll('ideas'), '  procurement   rules ')).toEqual({ ok: true, answer: 'procurement rules' })
    expect(validateAnswer(poll('ideas'), 'x'.repeat(200))).toEqual({
      ok: true,
      answer: 'x'.repeat(200),
    })
    expect(validateAnswer(poll('ideas'), '   ')).toEqual(refused('a non-empty answer'))
    expect(validateAnswer(poll('ideas'), 'x'.repeat(201))).toEqual(refused('at most 200 characters'))
    expect(validateAnswer(poll('ideas'), 42)).toEqual(refused('a string'))
  })

  it('wants every option exactly once for a ranking', () => {
    const order = [
      'support',
      'resources',
      'culture',
      'regulation',
      'outsourcing',
    ]
    const once = refused('every option exactly once, in order')
    expect(validateAnswer(poll('ranking'), order)).toEqual({ ok: true, answer: order })
    expect(validateAnswer(poll('ranking'), order.slice(1))).toEqual(once)
    expect(validateAnswer(poll('ranking'), [...order, 'support'])).toEqual(once)
    // As many as the options, but one repeated and another left out.
    expect(validateAnswer(poll('ranking'), [
      'support',
      'support',
      'culture',
      'regulation',
      'outsourcing',
    ])).toEqual(once)
    expect(validateAnswer(poll('ranking'), 'support')).toEqual(refused('an array of option ids'))
    expect(validateAnswer(poll('ranking'), [
      'support',
      'resources',
      'culture',
      'regulation',
      'nope',
    ])).toEqual(refused(`an option id of this poll (${rankingIds.join(', ')})`))
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
