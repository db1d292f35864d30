import type { Store } from '../packages/slidev-addon-live-polls/server/stores/store'
import { randomText } from './answers'

/** The open-text poll of the talk that `--text-answers` votes into. */
export const TEXT_POLL = 'what-else'

/** Stores `count` open-text answers from as many phones before the server starts: a poll that has filled up. */
export async function seedTextAnswers(store: Store, count: number): Promise<void> {
  const at = Date.now()
  try {
    await store.saveVotes(Array.from({ length: count }, (_, i) => ({
      session: '',
      poll: TEXT_POLL,
      participant: `seeded-phone-${i}`,
      answer: randomText(),
      at,
    })))
  }
  finally {
    await store.close()
  }
}
