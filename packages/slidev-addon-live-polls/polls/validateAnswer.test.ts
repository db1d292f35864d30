import { describe, expect, it } from 'vitest'
import { findPoll } from '../../../tests/deckPolls.ts'
import { validateAnswer } from './validateAnswer.ts'

const poll = (id: string) => findPoll(id)!

describe('validateAnswer', () => {
  it('accepts one known option for a single-choice poll', () => {
    expect(validateAnswer(poll('has-ospo'), 'formal')).toEqual({ ok: true, answer: 'formal' })
    expect(validateAnswer(poll('has-ospo'), 'nope').ok).toBe(false)
    expect(validateAnswer(poll('has-ospo'), ['formal']).ok).toBe(false)
  })

  it('wants distinct known options for multiple choice', () => {
    expect(validateAnswer(poll('challenges'), ['resources', 'culture']).ok).toBe(true)
    expect(validateAnswer(poll('challenges'), []).ok).toBe(false)
    expect(validateAnswer(poll('challenges'), ['resources', 'resources']).ok).toBe(false)
  })

  it('wants a whole number in range for a scale', () => {
    expect(validateAnswer(poll('twenty-years'), 5).ok).toBe(true)
    expect(validateAnswer(poll('twenty-years'), 6).ok).toBe(false)
    expect(validateAnswer(poll('twenty-years'), 2.5).ok).toBe(false)
    expect(validateAnswer(poll('twenty-years'), '3').ok).toBe(false)
  })

  it('trims text and bounds its length', () => {
    expect(validateAnswer(poll('what-else'), '  procurement   rules ')).toEqual({ ok: true, answer: 'procurement rules' })
    expect(validateAnswer(poll('what-else'), '   ').ok).toBe(false)
    expect(validateAnswer(poll('what-else'), 'x'.repeat(201)).ok).toBe(false)
  })

  it('wants every option exactly once for a ranking', () => {
    const order = [
      'support',
      'resources',
      'culture',
      'regulation',
      'outsourcing',
    ]
    expect(validateAnswer(poll('challenges-rank'), order).ok).toBe(true)
    expect(validateAnswer(poll('challenges-rank'), order.slice(1)).ok).toBe(false)
    expect(validateAnswer(poll('challenges-rank'), [
      ...order.slice(1),
      'support',
      'support',
    ]).ok).toBe(false)
  })

  it('says what it expected', () => {
    const result = validateAnswer(poll('twenty-years'), 9)
    expect(result).toEqual({ ok: false, error: 'answer must be a number from 1 to 5' })
  })
})
