import { describe, expect, it } from 'vitest'
import { collectPolls, PollDefinitionError } from './collectPolls.ts'

const single = {
  id: 'lunch',
  kind: 'single',
  question: 'Lunch?',
  options: [
    { id: 'soup', label: 'Soup' },
    { id: 'salad', label: 'Salad', reference: 40 },
  ],
}
function slide(no: number, poll?: unknown) {
  return {
    no,
    file: 'pages/a.md',
    frontmatter: poll === undefined
      ? {}
      : { poll },
  }
}

describe('collectPolls', () => {
  it('collects each slide\'s poll in slide order, with defaults filled in', () => {
    const polls = collectPolls([
      slide(1),
      slide(2, single),
      slide(3, { id: 'ideas', kind: 'text', question: 'Ideas?' }),
      slide(4, {
        id: 'mood',
        kind: 'scale',
        question: 'Mood?',
        min: 1,
        max: 5,
        minLabel: 'low',
        maxLabel: 'high',
      }),
      slide(5, {
        id: 'order',
        kind: 'ranking',
        question: 'Order?',
        options: single.options,
      }),
    ])
    expect(polls.map(p => p.id)).toEqual(['lunch', 'ideas', 'mood', 'order'])
    expect(polls[1]).toMatchObject({ kind: 'text', maxLength: 200 })
    expect(polls[0]).toMatchObject({
      options: [
        { id: 'soup' },
        { id: 'salad', reference: 40 },
      ],
    })
  })

  it.each([
    [
      { ...single, kind: 'poll' },
      'slide 2 (pages/a.md): poll.kind: kind must be single',
    ],
    [
      {
        ...single,
        options: [
          { id: 'soup', label: 'Soup' },
          { id: 'salad' },
        ],
      },
      'slide 2 (pages/a.md): poll.options.1.label:',
    ],
    [
      {
        ...single,
        options: [
          { id: 'soup', label: 'Soup' },
          { id: 'soup', label: 'Soup again' },
        ],
      },
      'poll.options: option ids must be unique',
    ],
    [
      { ...single, id: 'Lunch Poll' },
      'poll.id: lower-case letters, digits and dashes',
    ],
    [
      { ...single, qestion: 'typo' },
      'poll.qestion:',
    ],
    [
      {
        ...single,
        options: [
          { id: 'soup', label: 'Soup', reference: 140 },
          { id: 'salad', label: 'Salad' },
        ],
      },
      'poll.options.0.reference: 0 to 100',
    ],
    [
      {
        id: 'mood',
        kind: 'scale',
        question: 'Mood?',
        min: 5,
        max: 1,
        minLabel: 'a',
        maxLabel: 'b',
      },
      'max must be above min',
    ],
    ['lunch', 'slide 2 (pages/a.md): poll:'],
  ])('refuses a malformed poll, naming the slide and the field (%#)', (poll, message) => {
    expect(() => collectPolls([
      slide(1),
      slide(2, poll),
    ])).toThrow(PollDefinitionError)
    expect(() => collectPolls([
      slide(1),
      slide(2, poll),
    ])).toThrow(message)
  })

  it('refuses two polls with one id, naming both slides', () => {
    expect(() => collectPolls([
      slide(2, single),
      slide(7, single),
    ]))
      .toThrow('slide 7 (pages/a.md): poll.id: "lunch" is already the id of the poll on slide 2 (pages/a.md)')
  })
})
