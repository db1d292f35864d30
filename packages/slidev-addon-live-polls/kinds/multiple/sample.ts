import type { KindSample } from '../shared/sample.ts'
import type { MultiplePoll } from './definition.ts'
import { shuffled } from '../shared/sample.ts'

export const sample: KindSample<MultiplePoll> = {
  /** One option or more, each once. */
  answer(poll, random = Math.random) {
    const ids = shuffled(poll.options.map(o => o.id), random)
    return ids.slice(0, 1 + Math.floor(random() * ids.length))
  },
  countedKeys: answer => (answer as string[]).map(String),
}
