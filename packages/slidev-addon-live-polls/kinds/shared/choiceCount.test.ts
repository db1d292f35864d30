import { describe, expect, it } from 'vitest'
import { choiceCounting } from './choiceCount.ts'

const poll = {
  kind: 'multiple' as const,
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
}

describe('choice counting', () => {
  it('writes a multiple-choice answer as its option ids separated by "; ", a single choice as its id', () => {
    const counting = choiceCounting('multiple')
    expect(counting.answerText(['a', 'b'])).toBe('a; b')
    expect(counting.answerText('a')).toBe('a')
  })

  it('counts options, and has no texts to list', () => {
    const counts = choiceCounting('multiple').count(poll, [
      ['a', 'b'],
      ['a'],
    ], 10)
    expect(counts.textGroups()).toEqual([])
    expect(counts.results({
      id: 'q',
      participants: 2,
      open: true,
      revealed: true,
    })).toMatchObject({
      counts: { a: 2, b: 1 },
    })
  })
})
