import type { Poll } from '../../polls/types.ts'
import type { Store } from '../stores/store.ts'
import type { ComparisonReport } from './pollService/comparisonReport.ts'
import type { DeckIndex } from './pollService/deckIndex.ts'
import type { ExportReport } from './pollService/exportReport.ts'
import type { PollCommands } from './pollService/pollCommands.ts'
import type { PollEvents } from './pollService/pollEvents.ts'
import type { PollReads } from './pollService/pollReads.ts'
import type { SessionCommands } from './pollService/sessionCommands.ts'
import { createComparisonReport } from './pollService/comparisonReport.ts'
import { createDeckIndex } from './pollService/deckIndex.ts'
import { createExportReport } from './pollService/exportReport.ts'
import { followChanges } from './pollService/followChanges.ts'
import { createPollCaches } from './pollService/pollCaches.ts'
import { createPollCommands } from './pollService/pollCommands.ts'
import { createPollEvents } from './pollService/pollEvents.ts'
import { createPollReads } from './pollService/pollReads.ts'
import { createSessionCommands } from './pollService/sessionCommands.ts'

export type { ComparisonDocument } from './pollService/comparisonReport.ts'
export type { PollEvent } from './pollService/pollEvents.ts'

export interface PollServiceOptions {
  store: Store
  polls: Poll[]
  /** Show every poll's results regardless of its hidden flag: for handouts made after the workshop. */
  revealAll?: boolean
}

/**
 * The poll server's logic, free of any transport: HTTP and WebSocket handlers both call into this. Its parts,
 * in pollService/: the commands that change polls and sessions, the caches they keep in step (with other
 * processes' changes too: followChanges.ts), and the reports read from those caches (live reads, comparisons,
 * exports).
 */
export interface PollService extends Pick<DeckIndex, 'polls' | 'poll'>, PollReads, PollCommands, SessionCommands, ComparisonReport, ExportReport {
  subscribe: PollEvents['subscribe']
  /** Stops following other processes' changes (the store is closed by whoever opened it). */
  stopFollowing: () => void
}

export function createPollService({ store, polls, revealAll = false }: PollServiceOptions): PollService {
  const deck = createDeckIndex(polls)
  const events = createPollEvents()
  const caches = createPollCaches({ store, deck, events, revealAll })
  const follower = followChanges({ store, deck, caches, events })
  const reads = createPollReads(store, deck, caches)
  return {
    polls,
    poll: deck.poll,
    ...reads,
    ...createPollCommands({
      store,
      deck,
      caches,
      events,
      follower,
    }),
    ...createSessionCommands(store, deck, caches, events),
    ...createComparisonReport(store, polls, caches),
    ...createExportReport(store, polls, reads),
    subscribe: events.subscribe,
    stopFollowing: follower.stop,
  }
}
