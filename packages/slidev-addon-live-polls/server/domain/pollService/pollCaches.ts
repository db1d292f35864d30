import type { PollResults, PollState } from '../../../polls/types.ts'
import type { Store } from '../../stores/store.ts'
import type { Tally } from '../tally.ts'
import type { DeckIndex } from './deckIndex.ts'
import type { PollEvents } from './pollEvents.ts'
import { createTally } from '../tally.ts'

/**
 * What is read from the store is kept in memory, and kept in step with every change: this process's own as it
 * commits them (the commands), other processes' as the store reports them (followChanges.ts). A vote then costs
 * the same however many answers a poll holds, a results broadcast reads nothing again, and a phone's hello at
 * most its own answer (when processes share the store: answerOf). Five caches, all dropped, never patched,
 * except a tally (running counts) and what a command has just written.
 */
export interface PollCaches {
  /** A poll's visible answers by participant and their running counts, read on first use. */
  tally: (session: string, id: string) => Promise<Tally>
  /** The tally kept, if one was read: another process's votes patch only what is kept. */
  keptTally: (session: string, id: string) => Promise<Tally> | undefined
  dropTally: (session: string, id: string) => void
  /** A poll's open/revealed state as stored (open, and revealed unless hideResults, if never set); revealAll reveals it. */
  state: (session: string, id: string) => Promise<PollState>
  keepState: (session: string, id: string, state: PollState) => void
  dropState: (session: string, id: string) => void
  /** The poll on screen in a session as stored (perhaps one an earlier version of the deck had). */
  storedCurrent: (session: string) => Promise<string | null>
  keepCurrent: (session: string, id: string | null) => void
  dropCurrent: (session: string) => void
  /** '' (the default session) always exists; workshop sessions exist until deleted. */
  hasSession: (code: string) => Promise<boolean>
  knowSession: (code: string) => void
  /** A poll's results, read from its counts on first request, shared by presenters and a revealed poll's audience. */
  results: (session: string, id: string) => Promise<PollResults>
  /** A poll's answers or state changed: its results are stale, and listeners hear of it. */
  changed: (session: string, id: string) => void
  /** Drops every poll's tally, state and results of a session (read again on next use). */
  forgetPolls: (session: string) => void
  /** A session is gone: forgetPolls, and its poll on screen and its existence too. */
  forgetSession: (code: string) => void
  /** Changes may have been missed: drops every tally, state, current and known session; returns the sessions that were in use. */
  clear: () => string[]
}

export interface PollCachesOptions {
  store: Store
  deck: DeckIndex
  events: PollEvents
  /** Show every poll's results regardless of its hidden flag. */
  revealAll: boolean
}

export const cacheKey = (session: string, id: string): string => `${session}\n${id}`

/** The cached read, or a new one; a read that fails is not kept, so the next one tries again. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let found = cache.get(key)
  if (!found) {
    found = read()
    cache.set(key, found)
    found.catch(() => cache.get(key) === found && cache.delete(key))
  }
  return found
}

export function createPollCaches({ store, deck, events, revealAll }: PollCachesOptions): PollCaches {
  const { polls } = deck
  const tallies = new Map<string, Promise<Tally>>()
  const states = new Map<string, Promise<PollState | undefined>>()
  const currents = new Map<string, Promise<string | null>>()
  const knownSessions = new Set<string>()
  // Results are dropped on every change to the poll (a vote, a state change, moderation, a reset). A poll's
  // version counts its changes, so results read across a change are not kept.
  const aggregates = new Map<string, PollResults>()
  const versions = new Map<string, number>()

  const tally = (session: string, id: string): Promise<Tally> => cached(tallies, cacheKey(session, id), async () =>
    createTally(deck.poll(id), new Map((await store.answers(session, id)).map(a => [a.participant, a.answer]))))

  async function state(session: string, id: string): Promise<PollState> {
    const stored = await cached(states, cacheKey(session, id), () => store.state(session, id))
      ?? { open: true, revealed: !deck.poll(id).hideResults }
    return revealAll
      ? { ...stored, revealed: true }
      : stored
  }

  function forgetPolls(session: string): void {
    polls.forEach((p) => {
      tallies.delete(cacheKey(session, p.id))
      states.delete(cacheKey(session, p.id))
      aggregates.delete(cacheKey(session, p.id))
    })
  }

  return {
    tally,
    keptTally: (session, id) => tallies.get(cacheKey(session, id)),
    dropTally: (session, id) => void tallies.delete(cacheKey(session, id)),
    state,
    keepState: (session, id, next) => void states.set(cacheKey(session, id), Promise.resolve(next)),
    dropState: (session, id) => void states.delete(cacheKey(session, id)),
    storedCurrent: session => cached(currents, session, () => store.current(session)),
    keepCurrent: (session, id) => void currents.set(session, Promise.resolve(id)),
    dropCurrent: session => void currents.delete(session),

    async hasSession(code) {
      if (code === '' || knownSessions.has(code))
        return true
      const found = await store.hasSession(code)
      if (found)
        knownSessions.add(code)
      return found
    },
    knowSession: code => void knownSessions.add(code),

    async results(session, id) {
      const key = cacheKey(session, id)
      const found = aggregates.get(key)
      if (found)
        return found
      const version = versions.get(key) ?? 0
      const [counted, current] = await Promise.all([
        tally(session, id),
        state(session, id),
      ])
      const fresh = counted.results(current)
      if ((versions.get(key) ?? 0) === version)
        aggregates.set(key, fresh)
      return fresh
    },

    changed(session, id) {
      const key = cacheKey(session, id)
      versions.set(key, (versions.get(key) ?? 0) + 1)
      aggregates.delete(key)
      events.emit({ type: 'results', session, poll: id })
    },

    forgetPolls,
    forgetSession(code) {
      forgetPolls(code)
      currents.delete(code)
      knownSessions.delete(code)
    },

    clear() {
      const sessions = new Set([
        ...currents.keys(),
        ...[
          ...tallies.keys(),
          ...states.keys(),
        ].map(key => key.split('\n')[0]!),
      ])
      tallies.clear()
      states.clear()
      currents.clear()
      knownSessions.clear()
      return [...sessions]
    },
  }
}
