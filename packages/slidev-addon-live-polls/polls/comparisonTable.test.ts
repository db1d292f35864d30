import type { Comparison, Poll, PollComparison } from './types'
import { describe, expect, it } from 'vitest'
import { comparisonTable, groupLabel } from './comparisonTable'

const labels = { defaultSession: 'Default session', combined: 'All groups' }
const state = { open: true, revealed: true }
function frame(sessions: string[], names: Record<string, string | null> = {}): Pick<Comparison, 'sessions' | 'names' | 'minGroupSize'> {
  return {
    sessions,
    names: Object.fromEntries(sessions.map(code => [code, names[code] ?? null])),
    minGroupSize: 5,
  }
}
function withheld(id: string, kind: Poll['kind']) {
  return {
    id,
    kind,
    withheld: true as const,
    fewerThan: 5,
  }
}

describe('comparisonTable', () => {
  it('labels each group by its name, else its code, and the default session and the combined column by the caller\'s words', () => {
    const names = { AAAAAA: 'Group 1 — municipalities', BBBBBB: null, default: null }
    expect(groupLabel('AAAAAA', names, labels)).toBe('Group 1 — municipalities')
    expect(groupLabel('BBBBBB', names, labels)).toBe('BBBBBB')
    expect(groupLabel('default', names, labels)).toBe('Default session')
  })

  it('single choice: a row per option, counts and shares of each group\'s participants, a withheld group without numbers', () => {
    const poll: Poll = {
      id: 'p',
      kind: 'single',
      question: 'Q?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    }
    const compared: PollComparison = {
      id: 'p',
      kind: 'single',
      question: 'Q?',
      bySession: {
        AAAAAA: {
          id: 'p',
          kind: 'single',
          participants: 6,
          counts: { a: 4, b: 2 },
          ...state,
        },
        BBBBBB: withheld('p', 'single'),
      },
      combined: {
        id: 'p',
        kind: 'single',
        participants: 9,
        counts: { a: 5, b: 4 },
        ...state,
      },
    }
    const table = comparisonTable(poll, compared, frame(['AAAAAA', 'BBBBBB'], { AAAAAA: 'G1' }), labels)
    expect(table.columns.map(c => [c.code, c.label, c.results?.participants ?? null])).toEqual([
      ['AAAAAA', 'G1', 6],
      ['BBBBBB', 'BBBBBB', null],
      [null, 'All groups', 9],
    ])
    expect(table.rows.map(r => [r.id, r.label, r.cells])).toEqual([
      [
        'a',
        'A',
        [
          { count: 4, share: 67 },
          null,
          { count: 5, share: 56 },
        ],
      ],
      [
        'b',
        'B',
        [
          { count: 2, share: 33 },
          null,
          { count: 4, share: 44 },
        ],
      ],
    ])
  })

  it('scale: a row per point (ends with their labels) and each group\'s mean', () => {
    const poll: Poll = {
      id: 's',
      kind: 'scale',
      question: 'Q?',
      min: 1,
      max: 3,
      minLabel: 'Low',
      maxLabel: 'High',
    }
    const compared: PollComparison = {
      id: 's',
      kind: 'scale',
      question: 'Q?',
      bySession: {
        default: {
          id: 's',
          kind: 'scale',
          participants: 5,
          counts: { 1: 0, 2: 1, 3: 4 },
          mean: 2.8,
          ...state,
        },
      },
      combined: {
        id: 's',
        kind: 'scale',
        participants: 5,
        counts: { 1: 0, 2: 1, 3: 4 },
        mean: 2.8,
        ...state,
      },
    }
    const table = comparisonTable(poll, compared, frame(['default']), labels)
    expect(table.rows.map(r => r.label)).toEqual(['1 · Low', '2', '3 · High'])
    expect(table.rows[2]!.cells[0]).toEqual({ count: 4, share: 80 })
    expect(table.means).toEqual([2.8, 2.8])
  })

  it('ranking: rows in the combined order, each group\'s place and points', () => {
    const poll: Poll = {
      id: 'r',
      kind: 'ranking',
      question: 'Q?',
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ],
    }
    const compared: PollComparison = {
      id: 'r',
      kind: 'ranking',
      question: 'Q?',
      bySession: {
        AAAAAA: {
          id: 'r',
          kind: 'ranking',
          participants: 5,
          scores: { x: 4, y: 1 },
          order: ['x', 'y'],
          ...state,
        },
      },
      combined: {
        id: 'r',
        kind: 'ranking',
        participants: 10,
        scores: { x: 4, y: 6 },
        order: ['y', 'x'],
        ...state,
      },
    }
    const table = comparisonTable(poll, compared, frame(['AAAAAA']), labels)
    expect(table.rows.map(r => r.id)).toEqual(['y', 'x'])
    expect(table.rows[0]!.cells).toEqual([
      { count: 1, share: 25, place: 2 },
      { count: 6, share: 100, place: 1 },
    ])
  })

  it('open text: each group\'s most frequent answers, and how many more', () => {
    const poll: Poll = {
      id: 't',
      kind: 'text',
      question: 'Q?',
      maxLength: 200,
      hideResults: false,
    }
    const entries = ['a', 'b', 'c'].map((text, i) => ({ text, count: 3 - i }))
    const compared: PollComparison = {
      id: 't',
      kind: 'text',
      question: 'Q?',
      bySession: {
        AAAAAA: withheld('t', 'text'),
      },
      combined: {
        id: 't',
        kind: 'text',
        participants: 6,
        entries,
        moreEntries: 4,
        ...state,
      },
    }
    const table = comparisonTable(poll, compared, frame(['AAAAAA']), labels, 2)
    expect(table.rows).toEqual([])
    expect(table.texts).toEqual([
      null,
      {
        entries: entries.slice(0, 2),
        more: 5,
      },
    ])
  })
})
