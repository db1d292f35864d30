import { describe, expect, it } from 'vitest'
import { listGroups, shownSpelling } from './groups.ts'

describe('open-text groups', () => {
  it('are shown in their most used spelling, on a tie the first in code-unit order', () => {
    expect(shownSpelling(new Map([
      ['skills', 1],
      ['Skills', 2],
    ]))).toBe('Skills')
    expect(shownSpelling(new Map([
      ['skills', 2],
      ['Skills', 2],
    ]))).toBe('Skills')
    expect(shownSpelling(new Map([
      ['Skills', 2],
      ['skills', 3],
    ]))).toBe('skills')
  })

  it('list the first `limit` groups, most frequent first, and count the rest', () => {
    const group = (key: string, count: number) => ({
      key,
      count,
      spellings: new Map([
        [key, count],
      ]),
    })
    expect(listGroups([
      group('b', 1),
      group('a', 3),
      group('c', 1),
    ], 2)).toEqual({
      entries: [
        { text: 'a', count: 3 },
        { text: 'b', count: 1 },
      ],
      moreEntries: 1,
    })
    expect(listGroups([
      group('a', 1),
    ], 0)).toEqual({ entries: [], moreEntries: 1 })
  })
})
