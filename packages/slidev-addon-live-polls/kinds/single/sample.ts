import type { KindSample } from '../shared/sample.ts'
import type { SinglePoll } from './definition.ts'
import { itself, pick } from '../shared/sample.ts'

export const sample: KindSample<SinglePoll> = {
  answer: (poll, random) => pick(poll.options, random).id,
  countedKeys: itself,
}
