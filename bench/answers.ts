import type { Answer, Poll } from '../packages/slidev-addon-live-polls/polls/types'

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

// Open-text answers as a room types them: many distinct short phrases, some repeated.
const words = [
  'budget',
  'procurement',
  'rules',
  'mandate',
  'skills',
  'culture',
  'legal',
  'licences',
  'security',
  'support',
  'time',
  'vendors',
  'politics',
  'staff',
  'training',
  'risk',
  'funding',
  'ownership',
  'community',
  'standards',
]
export const randomText = (): string => `${pick(words)} ${pick(words)} ${Math.floor(Math.random() * 100)}`

/** A random answer the server must accept for this poll (the addon's docs/api.md, "answer by kind"), so refusals are real errors. */
export function randomAnswer(poll: Poll): Answer {
  switch (poll.kind) {
    case 'single':
      return pick(poll.options).id
    case 'multiple': {
      const ids = shuffled(poll.options.map(o => o.id))
      return ids.slice(0, 1 + Math.floor(Math.random() * ids.length))
    }
    case 'scale':
      return poll.min + Math.floor(Math.random() * (poll.max - poll.min + 1))
    case 'text':
      return randomText()
    case 'ranking':
      return shuffled(poll.options.map(o => o.id))
  }
}
