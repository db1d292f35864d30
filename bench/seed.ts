import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/store/sqliteStore'
import { randomText } from './answers'

/** The open-text poll of the talk that `--text-answers` votes into. */
export const TEXT_POLL = 'what-else'

/** Stores `count` open-text answers from as many phones before the server starts: a poll that has filled up. */
export async function seedTextAnswers(db: string, count: number): Promise<void> {
  const store = createSqliteStore(db)
  const at = Date.now()
  await store.saveVotes(Array.from({ length: count }, (_, i) => ({
    session: '',
    poll: TEXT_POLL,
    participant: `seeded-phone-${i}`,
    answer: randomText(),
    at,
  })))
  await store.close()
}
