import { describe, expect, it } from 'vitest'
import { findPoll } from '../../test/fixturePolls.ts'
import { aggregate } from './results.ts'

const state = { open: true, revealed: true }

describe('aggregate', () => {
  it('counts single and multiple choices per option, zeros included', () => {
    const single = aggregate(findPoll('choice')!, state, ['formal', 'no', 'formal'])
    expect(single).toMatchObject({
      participants: 3,
      counts: {
        formal: 2,
        informal: 0,
        planned: 0,
        no: 1,
        unsure: 0,
      },
    })
    const multiple = aggregate(findPoll('choices')!, state, [
      ['resources', 'culture'],
      ['culture'],
    ])
    expect(multiple).toMatchObject({
      participants: 2,
      counts: { resources: 1, culture: 2, regulation: 0 },
    })
  })

  it('gives a scale its distribution and mean', () => {
    const scale = aggregate(findPoll('agreement')!, state, [1, 4, 4, 5])
    expect(scale).toMatchObject({
      counts: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 },
      mean: 3.5,
    })
    expect(aggregate(findPoll('agreement')!, state, [])).toMatchObject({ mean: null, participants: 0 })
  })

  it('groups open text case-insensitively, most frequent first', () => {
    const text = aggregate(findPoll('ideas')!, state, [
      'Skills',
      'budget',
      'skills',
      '<b>x</b>',
    ])
    expect(text).toMatchObject({
      entries: [
        { text: 'Skills', count: 2 },
        { text: '<b>x</b>', count: 1 },
        { text: 'budget', count: 1 },
      ],
    })
  })

  it('groups open text that reads the same: invisible characters, width, look-alike letters', () => {
    const text = aggregate(findPoll('ideas')!, state, [
      'OSPO',
      'ospo\u200B',
      'ＯＳＰＯ',
      'ОSРО',
      'Budget',
    ])
    expect(text).toMatchObject({
      entries: [
        { text: 'OSPO', count: 4 },
        { text: 'Budget', count: 1 },
      ],
    })
  })

  it('groups 20,000 distinct answers in bounded time', () => {
    const words = [
      'budget',
      'skills',
      'procurement rules',
      'Open source in the public sector',
      'ОSPO',
      'юридические вопросы',
    ]
    const answers = Array.from({ length: 20_000 }, (_, i) => `${words[i % words.length]} ${i}`)
    const started = performance.now()
    const results = aggregate(findPoll('ideas')!, state, answers)
    const ms = performance.now() - started
    console.log(`grouping 20,000 distinct text answers: ${ms.toFixed(0)} ms`)
    expect(results.kind === 'text' && results.entries).toHaveLength(20_000)
    expect(ms).toBeLessThan(2000)
  })

  it('ranks by Borda points', () => {
    const poll = findPoll('ranking')!
    const ranking = aggregate(poll, state, [
      [
        'support',
        'resources',
        'culture',
        'regulation',
        'outsourcing',
      ],
      [
        'resources',
        'support',
        'culture',
        'regulation',
        'outsourcing',
      ],
      [
        'support',
        'culture',
        'resources',
        'outsourcing',
        'regulation',
      ],
    ])
    expect(ranking).toMatchObject({
      scores: {
        support: 11,
        resources: 9,
        culture: 7,
        regulation: 2,
        outsourcing: 1,
      },
    })
    expect(ranking.kind === 'ranking' && ranking.order).toEqual([
      'support',
      'resources',
      'culture',
      'regulation',
      'outsourcing',
    ])
  })
})
