import type { Comparison, PollComparison, PollResults } from '../polls/types'
import type { HandoutGroup } from './comparedTable'
import type { HandoutComparison } from './handoutComparison'
import { describe, expect, it } from 'vitest'
import { messagesIn } from '../i18n/useMessages'
import { findPoll } from '../test/fixturePolls.ts'
import { comparedTable } from './comparedTable'
import { comparedAppendixHtml } from './handoutAppendixCompared'
import { comparedSlideHtml, comparisonCoverHtml } from './handoutComparison'

const state = { open: true, revealed: true }
function withheld(id: string, kind: PollResults['kind']) {
  return {
    id,
    kind,
    withheld: true as const,
    fewerThan: 5,
  }
}

const choice: PollComparison = {
  id: 'choice',
  kind: 'single',
  question: 'Which option fits best?',
  bySession: {
    GRPA22: {
      id: 'choice',
      kind: 'single',
      participants: 8,
      ...state,
      counts: { formal: 2, informal: 6 },
    },
    GRPC44: withheld('choice', 'single'),
  },
  // The groups shown, together: a withheld group's answers are in no figure.
  combined: {
    id: 'choice',
    kind: 'single',
    participants: 8,
    ...state,
    counts: { formal: 2, informal: 6 },
  },
}

const ranking: PollComparison = {
  id: 'ranking',
  kind: 'ranking',
  question: 'Rank',
  bySession: {
    GRPA22: {
      id: 'ranking',
      kind: 'ranking',
      participants: 5,
      ...state,
      scores: {
        resources: 10,
        regulation: 10,
        culture: 5,
        support: 0,
        outsourcing: 0,
      },
      order: [
        'resources',
        'regulation',
        'culture',
        'support',
        'outsourcing',
      ],
    },
    GRPB33: {
      id: 'ranking',
      kind: 'ranking',
      participants: 5,
      ...state,
      scores: {
        resources: 2,
        regulation: 6,
        culture: 0,
        support: 3,
        outsourcing: 0,
      },
      order: [
        'regulation',
        'support',
        'resources',
        'culture',
        'outsourcing',
      ],
    },
    GRPC44: withheld('ranking', 'ranking'),
  },
  // A's and B's points together: C's are in no figure.
  combined: {
    id: 'ranking',
    kind: 'ranking',
    participants: 10,
    ...state,
    scores: {
      resources: 12,
      regulation: 16,
      culture: 5,
      support: 3,
      outsourcing: 0,
    },
    order: [
      'regulation',
      'resources',
      'culture',
      'support',
      'outsourcing',
    ],
  },
}

const ideas: PollComparison = {
  id: 'ideas',
  kind: 'text',
  question: 'What else should be on the list?',
  bySession: {
    GRPA22: {
      id: 'ideas',
      kind: 'text',
      participants: 8,
      ...state,
      entries: [
        { text: '<b>Skills</b>', count: 4 },
        { text: 'Time', count: 2 },
        { text: 'Rare', count: 1 },
        { text: 'Rarer', count: 1 },
      ],
      moreEntries: 0,
    },
    GRPC44: withheld('ideas', 'text'),
  },
  // A's alone, the only group shown: none of C's texts.
  combined: {
    id: 'ideas',
    kind: 'text',
    participants: 8,
    ...state,
    entries: [
      { text: '<b>Skills</b>', count: 4 },
      { text: 'Time', count: 2 },
      { text: 'Rare', count: 1 },
      { text: 'Rarer', count: 1 },
    ],
    moreEntries: 0,
  },
}

const groups: HandoutGroup[] = [
  { label: 'GRPA22', name: 'Group 1 <municipalities>', participants: 8 },
  { label: 'GRPC44', name: 'GRPC44', participants: 3 },
]
/** The ranking's groups: two shown, whose points the combined order adds up, and the small one. */
const rankingGroups: HandoutGroup[] = [
  groups[0]!,
  { label: 'GRPB33', name: 'GRPB33', participants: 5 },
  groups[1]!,
]

function handout(polls: PollComparison[], given = groups): HandoutComparison {
  const comparison: Comparison = {
    sessions: given.map(g => g.label),
    names: Object.fromEntries(given.map(g => [
      g.label,
      g.name === g.label
        ? null
        : g.name,
    ])),
    minGroupSize: 5,
    polls,
  }
  return {
    comparison,
    polls: polls.map(p => findPoll(p.id)!),
    groups: given,
  }
}

/** The HTML as it reads: tags dropped, white space collapsed. */
function read(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ')
}

describe('comparedTable', () => {
  it('gives a withheld group no figures at all, only "fewer than 5", and the combined column the groups shown', () => {
    const table = comparedTable(findPoll('choice')!, choice, groups, 5, 10)
    expect(table.columns.map(c => [c.name, c.answers, c.cells && c.cells.map(cell => cell.value)])).toEqual([
      [
        'Group 1 <municipalities>',
        '8 answers',
        [
          '2 · 25%',
          '6 · 75%',
          '0 · 0%',
          '0 · 0%',
          '0 · 0%',
        ],
      ],
      ['GRPC44', 'fewer than 5', null],
      [
        'All groups',
        '8 answers',
        [
          '2 · 25%',
          '6 · 75%',
          '0 · 0%',
          '0 · 0%',
          '0 · 0%',
        ],
      ],
    ])
    expect(table.rows[0]).toEqual({ label: 'Option A', detail: 'Survey 30%', reference: 0.3 })
  })

  it('ranks by Borda points in the combined order, places as the console gives them (equal points: the poll\'s order, 1, 2, 3)', () => {
    const table = comparedTable(findPoll('ranking')!, ranking, rankingGroups, 5, 10)
    expect(table.rows.map(r => r.label)).toEqual([
      'Topic two',
      'Topic one',
      'Topic three',
      'Topic four',
      'Topic five',
    ])
    expect(table.columns[0]!.cells!.map(c => c.value)).toEqual([
      '10 · #2',
      '10 · #1',
      '5 · #3',
      '0 · #4',
      '0 · #5',
    ])
    expect(table.columns[1]!.cells!.map(c => c.value)).toEqual([
      '6 · #1',
      '2 · #3',
      '0 · #4',
      '3 · #2',
      '0 · #5',
    ])
    expect(table.columns[2]!.cells).toBeNull()
    expect(table.columns[3]!.cells!.map(c => c.value)).toEqual([
      '16 · #1',
      '12 · #2',
      '5 · #3',
      '3 · #4',
      '0 · #5',
    ])
  })

  it('lists each group\'s most frequent texts, and counts those left out', () => {
    const table = comparedTable(findPoll('ideas')!, ideas, groups, 5, 3)
    expect(table.unlabelled).toBe(true)
    expect(table.columns[0]!.cells!.map(c => c.text
      ? `${c.text} ${c.value}`
      : c.value)).toEqual([
      '<b>Skills</b> 4',
      'Time 2',
      'Rare 1',
      '1 more answer',
    ])
    expect(table.columns[1]!.cells).toBeNull()
    expect(table.columns[2]!.cells!.map(c => c.text ?? c.value)).toEqual([
      '<b>Skills</b>',
      'Time',
      'Rare',
      '1 more answer',
    ])
    // A longer list leaves the places past a group's own list empty.
    const longer = comparedTable(findPoll('ideas')!, ideas, groups, 5, 6)
    expect(longer.columns[0]!.cells!.map(c => c.text ?? c.value)).toEqual([
      '<b>Skills</b>',
      'Time',
      'Rare',
      'Rarer',
    ])
  })
})

describe('the compared handout\'s HTML', () => {
  it('names the groups on the cover, a small one with "fewer than 5 participants", escaping names', () => {
    const html = comparisonCoverHtml(handout([choice]), '2026-11-27')
    expect(html).not.toContain('<municipalities>')
    const text = read(html)
    expect(text).toContain('Workshop handout · 2 groups compared · 2026-11-27')
    // The small group's size is no figure, and no difference: "All groups" counts only the groups whose size is given.
    expect(text).toContain('Group 1 &#60;municipalities&#62; GRPA22 8 participants')
    expect(text).toContain('GRPC44 fewer than 5 participants')
    expect(text).not.toContain('3 participants')
    expect(text).toContain('All groups 8 participants in groups of 5 or more')
  })

  it('draws a poll page\'s groups side by side, a withheld one as one "fewer than 5" cell', () => {
    const text = read(comparedSlideHtml(handout([choice]), findPoll('choice')!))
    expect(text).toContain('2 groups side by side and combined')
    // (a column at a time: the grid places them)
    expect(text).toContain('Option A Option B Option C No I don&#39;t know 25% 75% 0% 0% 0% fewer than 5 answered 25% 75% 0% 0% 0%')
    expect(text).toContain('fewer than 5 answered')
    expect(text).toContain('Survey: an earlier round (100 respondents)')
    // Four groups and more: one row per group, so long names have room.
    const many = ['GRPA22', 'GRPB33', 'GRPD55', 'GRPE66'].map(label => ({ label, name: label, participants: 6 }))
    const wide = {
      ...choice,
      bySession: Object.fromEntries(many.map(g => [g.label, choice.bySession.GRPA22!])),
    }
    expect(comparedSlideHtml(handout([wide], many), findPoll('choice')!)).toContain('class="cgrid across')
  })

  it('speaks the deck\'s language: a Swedish deck\'s cover, poll pages and appendix', () => {
    const sv = messagesIn('sv')
    const cover = read(comparisonCoverHtml(handout([choice]), '27 november 2026', sv))
    expect(cover).toContain('Workshopunderlag · 2 grupper jämförda · 27 november 2026')
    expect(cover).toContain('GRPC44 färre än 5 deltagare')
    expect(cover).toContain('Alla grupper 8 deltagare i grupper om 5 eller fler')
    const page = read(comparedSlideHtml(handout([choice]), findPoll('choice')!, sv))
    expect(page).toContain('2 grupper sida vid sida och sammanlagt')
    expect(page).toContain('25 % 75 % 0 % 0 % 0 % färre än 5 svarade')
    const appendix = read(comparedAppendixHtml(handout([choice, ideas]), sv))
    expect(appendix).toContain('GRPA22 8 svar GRPC44 färre än 5 Alla grupper 8 svar')
    expect(appendix).toContain('Option A Survey 30 % 2 · 25 % färre än 5 svarade')
    expect(appendix).toContain('8 svar i de visade grupperna · fritext')
    expect(appendix).not.toMatch(/\b(answers?|participants?|fewer|groups?)\b/)
  })

  it('gives the appendix a table per poll: a column per group and the combined one, texts escaped', () => {
    const html = comparedAppendixHtml(handout([choice, ideas]))
    expect(html).not.toContain('<b>Skills</b>')
    const text = read(html)
    expect(text).toContain('Group 1 &#60;municipalities&#62; GRPA22 8 answers GRPC44 fewer than 5 All groups 8 answers')
    expect(text).toContain('Option A Survey 30% 2 · 25% fewer than 5 answered 2 · 25%')
    expect(text).toContain('&#60;b&#62;Skills&#60;/b&#62; 4 fewer than 5 answered &#60;b&#62;Skills&#60;/b&#62; 4 Time 2 Time 2 Rare 1 Rare 1 Rarer 1 Rarer 1')
    // C withheld: the combined count is the groups shown, not everyone's.
    expect(text).toContain('8 answers in the groups shown · open text')
    // No group withheld: the combined count is everyone's.
    const alone = {
      ...choice,
      bySession: { GRPA22: choice.bySession.GRPA22! },
    }
    expect(read(comparedAppendixHtml(handout([alone], [groups[0]!])))).toContain('8 answers in all · single choice')
  })
})
