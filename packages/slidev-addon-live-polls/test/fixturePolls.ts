import type { Poll } from '../polls/schema.ts'
import type { Deck } from '../server/domain/deckPolls.ts'
import { resolve } from 'node:path'
import { loadDeck } from '../server/domain/deckPolls.ts'

/** The entry of the addon's fixture deck: a poll of every kind, what the addon's tests run with. */
export const entry = resolve(import.meta.dirname, 'fixture', 'slides.md')
export const deck: Deck = await loadDeck(entry)
export const polls: Poll[] = deck.polls

export function findPoll(id: string): Poll | undefined {
  return polls.find(poll => poll.id === id)
}
