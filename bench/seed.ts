import { createStore } from '../packages/slidev-addon-live-polls/server/store'
import { randomText } from './answers'

/** The open-text poll of the talk that `--text-answers` votes into. */
export const TEXT_POLL = 'what-else'

/** Stores `count` open-text answers from as many phones before the server starts: a poll that has filled up. */
export function seedTextAnswers(db: string, count: number): void {
  const store = createStore(db)
  const at = Date.now()
  store.saveVotes(Array.from({ length: count }, (_, i) => ({
    session: '',
    poll: TEXT_POLL,
    participant: `seeded-phone-${i}`,
    answer: randomText(),
    at,
  })))
  store.close()
}
