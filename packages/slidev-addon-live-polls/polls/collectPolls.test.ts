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

  /** The one line a malformed poll on slide 2 is refused with. */
  function refusal(poll: unknown): string {
    try {
      collectPolls([
        slide(1),
        slide(2, poll),
      ])
    }
    catch (err) {
      expect(err).toBeInstanceOf(PollDefinitionError)
      return (err as Error).message
    }
    throw new Error('accepted')
  }

  it.each([
    [
      { ...single, kind: 'rank' },
      'poll.kind: kind must be single, multiple, scale, text or ranking; got \'rank\'',
    ],
    [
      { ...single, kind: undefined },
      'poll.kind: kind must be single, multiple, scale, text or ranking; got nothing',
    ],
    [
      { ...single, kind: 3 },
      'poll.kind: kind must be single, multiple, scale, text or ranking; got 3',
    ],
    [
      {
        ...single,
        options: [
          { id: 'soup', label: 'Soup' },
          { id: 'salad' },
        ],
      },
      'poll.options.1.label: Invalid key: Expected "label" but received undefined',
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
      {
        ...single,
        options: [
          { id: 'soup', label: 'Soup' },
        ],
      },
      'poll.options: at least two options',
    ],
    [
      { ...single, id: 'Lunch Poll' },
      'poll.id: lower-case letters, digits and dashes, at most 63',
    ],
    [
      { ...single, question: '  ' },
      'poll.question: not empty',
    ],
    [
      { ...single, qestion: 'typo' },
      'poll.qestion: Invalid key: Expected never but received "qestion"',
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
      'poll: max must be above min, by at most 10',
    ],
    [
      {
        id: 'ideas',
        kind: 'text',
        question: 'Ideas?',
        maxLength: 0,
      },
      'poll.maxLength: 1 to 1000',
    ],
    ['lunch', 'poll: must be a mapping with id, kind and question; got \'lunch\''],
  ])('refuses a malformed poll in one line naming the slide, the field and what is wrong (%#)', (poll, message) => {
    expect(refusal(poll)).toBe(`slide 2 (pages/a.md): ${message}`)
  })

  it('refuses two polls with one id, naming both slides', () => {
    expect(() => collectPolls([
      slide(2, single),
      slide(7, single),
    ]))
      .toThrow('slide 7 (pages/a.md): poll.id: "lunch" is already the id of the poll on slide 2 (pages/a.md)')
  })
})
