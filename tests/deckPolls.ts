import type { Poll } from '../packages/slidev-addon-live-polls/polls/schema.ts'
import type { Deck } from '../packages/slidev-addon-live-polls/server/domain/deckPolls.ts'
import { resolve } from 'node:path'
import { loadDeck } from '../packages/slidev-addon-live-polls/server/domain/deckPolls.ts'

/** The talk as its slides define it: what the tests' servers run with. */
export const deck: Deck = await loadDeck(resolve(import.meta.dirname, '..', 'slides.md'))
export const polls: Poll[] = deck.polls

export function findPoll(id: string): Poll | undefined {
  return polls.find(poll => poll.id === id)
}
