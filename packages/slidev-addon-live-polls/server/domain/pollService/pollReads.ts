import type { Answer, HiddenResults, PollResults, PollState } from '../../../polls/types.ts'
import type { Store } from '../../stores/store.ts'
import type { DeckIndex } from './deckIndex.ts'
import type { PollCaches } from './pollCaches.ts'
import { hiddenResults } from '../results.ts'

/** What phones and screens read live, all from the caches: the poll on screen, its state, an answer, results. */
export interface PollReads {
  state: (session: string, id: string) => Promise<PollState>
  /** The poll on screen; a poll id stored by an earlier version of the deck is none. */
  current: (session: string) => Promise<string | null>
  /** A poll's results for presenters (text groups capped for broadcast). */
  results: (session: string, id: string) => Promise<PollResults>
  /** What the audience may see: visibility is decided first, so hidden results cost no aggregation. */
  publicResults: (session: string, id: string) => Promise<PollResults | HiddenResults>
  /** Results with every text group listed, for exports, never for broadcasts. */
  fullResults: (session: string, id: string) => Promise<PollResults>
  /**
   * A participant's answer, from what this process keeps; `fromStore` reads it from the store when other
   * processes share it. A phone that reconnects says hello to whichever process the balancer picks, perhaps a moment
   * after another acknowledged its vote and before this one has heard of it: it must still find the vote it
   * was told is stored. Should that read fail, what this process keeps will do.
   */
  answerOf: (session: string, id: string, participant: string, fromStore?: boolean) => Promise<Answer | undefined>
}

export function createPollReads(store: Store, deck: DeckIndex, caches: PollCaches): PollReads {
  return {
    state: caches.state,
    async current(session) {
      const id = await caches.storedCurrent(session)
      return id && deck.has(id)
        ? id
        : null
    },
    results: caches.results,
    async publicResults(session, id) {
      const current = await caches.state(session, id)
      return current.revealed
        ? caches.results(session, id)
        : hiddenResults(deck.poll(id), current, (await caches.tally(session, id)).answers.size)
    },
    // Read from the running counts: counting 50,000 texts afresh held the event loop for every export.
    async fullResults(session, id) {
      const [tally, current] = await Promise.all([
        caches.tally(session, id),
        caches.state(session, id),
      ])
      return tally.results(current, Infinity)
    },
    async answerOf(session, id, participant, fromStore = false) {
      deck.poll(id)
      if (fromStore && store.shared) {
        try {
          return (await store.answersOf(session, id, [participant]))[0]?.answer
        }
        catch {}
      }
      return (await caches.tally(session, id)).answers.get(participant)
    },
  }
}
