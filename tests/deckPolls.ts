import type { Poll } from '../packages/slidev-addon-live-polls/polls/schema.ts'
import { resolve } from 'node:path'
import { loadDeckPolls } from '../packages/slidev-addon-live-polls/server/deckPolls.ts'

/** The talk's polls, as its slides define them: what the tests' servers run with. */
export const polls: Poll[] = await loadDeckPolls(resolve(import.meta.dirname, '..', 'slides.md'))

export function findPoll(id: string): Poll | undefined {
  return polls.find(poll => poll.id === id)
}
