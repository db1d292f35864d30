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
