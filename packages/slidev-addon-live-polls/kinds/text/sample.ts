import type { KindSample } from '../shared/sample.ts'
import type { TextPoll } from './definition.ts'
import { pick } from '../shared/sample.ts'

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

/** Two words and a number: mostly distinct, a few repeated. */
export const randomText = (random = Math.random): string => `${pick(words, random)} ${pick(words, random)} ${Math.floor(random() * 100)}`

export const sample: KindSample<TextPoll> = {
  answer: (_poll, random) => randomText(random),
  countedKeys: null,
}
