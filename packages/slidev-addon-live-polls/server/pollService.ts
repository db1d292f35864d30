import type { Answer, HiddenResults, Poll, PollResults, PollState } from '../polls/types.ts'
import type { Store, StoredAs } from './store.ts'
import type { Tally } from './tally.ts'
import { moderationKey } from '../polls/normalizeText.ts'
import { validateAnswer } from '../polls/validateAnswer.ts'
import { toCsv, toJson } from './exportResults.ts'
import { PollError } from './pollError.ts'
import { aggregate, hiddenResults } from './results.ts'
import { generateSessionCode } from './sessionCode.ts'
import { StorageError } from './storageError.ts'
import { createTally } from './tally.ts'
import { createVoteBatcher } from './voteBatcher.ts'

export type PollEvent
  = | { type: 'results', session: string, poll: string }
    | { type: 'current', session: string }
    | { type: 'deleted', session: string }

export interface PollServiceOptions {
  store: Store
  polls: Poll[]
  /** Show every poll's results regardless of its hidden flag: for handouts made after the workshop. */
  revealAll?: boolean
}

/** The poll server's logic, free of any transport: HTTP and WebSocket handlers both call into this. */
export function createPollService({ store, polls, revealAll = false }: PollServiceOptions) {
  const byId = new Map(polls.map(poll => [poll.id, poll]))
  const listeners = new Set<(event: PollEvent) => void>()
  const batcher = createVoteBatcher(store.saveVotes)
  // Each poll's visible answers by participant and their running counts, read from SQLite once and then kept
  // in step after each commit: a vote costs the same however many answers the poll holds, and a results
  // broadcast or a phone's hello does not re-read thousands of rows.
  const cache = new Map<string, Tally>()
  const cacheKey = (session: string, id: string): string => `${session}\n${id}`
  function tallyOf(session: string, id: string): Tally {
    const key = cacheKey(session, id)
    let tally = cache.get(key)
    if (!tally) {
      tally = createTally(poll(id), new Map(store.answers(session, id).map(a => [a.participant, a.answer])))
      cache.set(key, tally)
    }
    return tally
  }
  // Each poll's results, read from its counts on first request and dropped on every change to the poll (a
  // vote, a state change, moderation, a reset): presenters and a revealed poll's audience share one.
  const aggregates = new Map<string, PollResults>()
  const forgetSession = (session: string): void => polls.forEach((p) => {
    cache.delete(cacheKey(session, p.id))
    aggregates.delete(cacheKey(session, p.id))
  })

  const emit = (event: PollEvent): void => listeners.forEach(listener => listener(event))
  /** A poll's answers or state changed: its aggregate is stale, and listeners hear of it. */
  function changed(session: string, id: string): void {
    aggregates.delete(cacheKey(session, id))
    emit({ type: 'results', session, poll: id })
  }

  function poll(id: string): Poll {
    const found = byId.get(id)
    if (!found)
      throw new PollError(404, `unknown poll "${id}"`)
    return found
  }

  function state(session: string, id: string): PollState {
    const stored = store.state(session, id) ?? { open: true, revealed: !poll(id).hideResults }
    return revealAll
      ? { ...stored, revealed: true }
      : stored
  }

  function setState(session: string, id: string, change: Partial<PollState>): PollState {
    const next = {
      ...state(session, id),
      ...change,
    }
    store.setState(session, id, next)
    changed(session, id)
    emit({ type: 'current', session })
    return next
  }

  /** '' (the default session) always exists; workshop sessions exist until deleted. */
  function hasSession(code: string): boolean {
    return code === '' || store.hasSession(code)
  }

  function results(session: string, id: string): PollResults {
    const key = cacheKey(session, id)
    let found = aggregates.get(key)
    if (!found) {
      found = tallyOf(session, id).results(state(session, id))
      aggregates.set(key, found)
    }
    return found
  }

  /** Results with every text group listed, counted afresh: for exports, never for broadcasts. */
  function fullResults(session: string, id: string): PollResults {
    return aggregate(poll(id), state(session, id), [
      ...tallyOf(session, id).answers.values(),
    ])
  }

  return {
    polls,
    poll,
    state,
    results,
    fullResults,

    /** Validates and stores a vote; resolves only once it is committed to the database. */
    async vote(session: string, id: string, participant: string, answer: unknown): Promise<Answer> {
      if (!hasSession(session))
        throw new PollError(404, `unknown session "${session}"`)
      const checked = validateAnswer(poll(id), answer)
      if (!checked.ok)
        throw new PollError(400, checked.error)
      if (!state(session, id).open)
        throw new PollError(409, `poll "${id}" is closed`)
      // A moderated text sent again, however disguised, is stored, but stays off the charts and exports. The
      // store decides that as it writes the vote (a text may be hidden while the vote waits for its batch),
      // and the answers kept in memory follow what it stored.
      const key = poll(id).kind === 'text'
        ? moderationKey(String(checked.answer))
        : undefined
      let stored: StoredAs
      try {
        stored = await batcher.add({
          session,
          poll: id,
          participant,
          answer: checked.answer,
          at: Date.now(),
          key,
        })
      }
      catch (err) {
        // Logged where it happened; the voter is told it was not stored, so the phone can try again.
        if (err instanceof StorageError)
          throw new PollError(503, 'not stored: the server cannot write its database right now; try again')
        throw err
      }
      if (stored === 'dropped')
        throw new PollError(404, `unknown session "${session}"`)
      if (stored === 'hidden')
        tallyOf(session, id).delete(participant)
      else tallyOf(session, id).set(participant, checked.answer)
      changed(session, id)
      return checked.answer
    },

    /** What the audience may see: visibility is decided first, so hidden results cost no aggregation. */
    publicResults(session: string, id: string): PollResults | HiddenResults {
      const current = state(session, id)
      return current.revealed
        ? results(session, id)
        : hiddenResults(poll(id), current, tallyOf(session, id).answers.size)
    },

    answersByParticipant(session: string, id: string): ReadonlyMap<string, Answer> {
      return tallyOf(session, poll(id).id).answers
    },

    open: (session: string, id: string) => setState(session, id, { open: true }),
    close: (session: string, id: string) => setState(session, id, { open: false }),
    reveal: (session: string, id: string) => setState(session, id, { revealed: true }),
    hide: (session: string, id: string) => setState(session, id, { revealed: false }),
    reset(session: string, id: string): PollState {
      store.resetVotes(session, poll(id).id)
      cache.delete(cacheKey(session, id))
      changed(session, id)
      emit({ type: 'current', session })
      return state(session, id)
    },

    // A poll id stored by an earlier version of the deck is no current poll.
    current: (session: string): string | null => {
      const id = store.current(session)
      return id && byId.has(id)
        ? id
        : null
    },
    setCurrent(session: string, id: string | null): void {
      if (id !== null)
        poll(id)
      if (store.current(session) === id)
        return
      store.setCurrent(session, id)
      emit({ type: 'current', session })
    },

    hasSession,
    /** Whether the database takes writes (for /api/health). */
    storage: () => store.health(),
    sessions: () => store.sessions(),
    createSession(): string {
      for (;;) {
        const code = generateSessionCode()
        if (!store.hasSession(code)) {
          store.createSession(code, Date.now())
          return code
        }
      }
    },
    deleteSession(code: string): void {
      if (!store.hasSession(code))
        throw new PollError(404, `unknown session "${code}"`)
      store.deleteSession(code)
      forgetSession(code)
      emit({ type: 'deleted', session: code })
    },

    /** Moderation: takes every answer reading as `text` (see moderationKey) off the charts and out of exports. */
    hideText(session: string, id: string, text: string): number {
      if (poll(id).kind !== 'text')
        throw new PollError(400, 'only open-text answers can be hidden')
      const key = moderationKey(text)
      const tally = tallyOf(session, id)
      const matching = [...tally.answers].filter(([, answer]) => moderationKey(String(answer)) === key).map(([participant]) => participant)
      store.hideAnswers(session, id, key, matching, Date.now())
      matching.forEach(participant => tally.delete(participant))
      changed(session, id)
      return matching.length
    },

    /** The texts hidden in a poll, each with one answer as sent and how many answers it keeps off the charts. */
    hiddenTexts(session: string, id: string): { text: string, count: number }[] {
      return store.hiddenTexts(session, poll(id).id).map(({ text, count }) => ({ text, count }))
    },

    /** Undoes hideText: answers reading as `text` count again, and it may be sent again. Returns how many came back. */
    unhideText(session: string, id: string, text: string): number {
      if (poll(id).kind !== 'text')
        throw new PollError(400, 'only open-text answers can be hidden')
      const tally = tallyOf(session, id)
      const shown = store.unhideAnswers(session, id, moderationKey(text))
      shown.forEach(({ participant, answer }) => tally.set(participant, answer))
      changed(session, id)
      return shown.length
    },

    /** Erases sessions and answers older than `cutoff` (ms since epoch). */
    applyRetention(cutoff: number): void {
      for (const code of store.deleteOlderThan(cutoff)) {
        forgetSession(code)
        emit({ type: 'deleted', session: code })
      }
      // Old default-session answers may be gone: every poll of it is reloaded on next use, and watchers told.
      forgetSession('')
      polls.forEach(p => changed('', p.id))
    },

    exportCsv: (session: string): string => toCsv(session, store.rows(session), polls),
    exportJson: (session: string) => toJson(session, store.rows(session), polls, id => fullResults(session, id)),

    subscribe(listener: (event: PollEvent) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type PollService = ReturnType<typeof createPollService>
