import type { KindSample } from '../shared/sample.ts'
import type { ScalePoll } from './definition.ts'
import { itself } from '../shared/sample.ts'

export const sample: KindSample<ScalePoll> = {
  answer: (poll, random = Math.random) => poll.min + Math.floor(random() * (poll.max - poll.min + 1)),
  countedKeys: itself,
}
