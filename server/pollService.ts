import type { Answer, HiddenResults, Poll, PollResults, PollState, PollSummary } from '../polls/types.ts'
import type { Store } from './store.ts'
import { moderationKey } from '../polls/normalizeText.ts'
import { scalePoints } from '../polls/scalePoints.ts'
import { validateAnswer } from '../polls/validateAnswer.ts'
import { toCsv, toJson } from './exportResults.ts'
import { aggregate, hiddenResults } from './results.ts'
import { generateSessionCode } from './sessionCode.ts'
import { createVoteBatcher } from './voteBatcher.ts'

/** A refusal the transports turn into a status code and `{ error }`. */
export class PollError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, message: string) {
    super(message)
  }
}

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
  // Each poll's visible answers by participant, read from SQLite once and then kept in step after each
  // commit: a results broadcast or a phone's hello must not re-read and re-parse thousands of rows.
  const cache = new Map<string, Map<string, Answer>>()
  const cacheKey = (session: string, id: string): string => `${session}\n${id}`
  function answersOf(session: string, id: string): Map<string, Answer> {
    const key = cacheKey(session, id)
    let answers = cache.get(key)
    if (!answers) {
      answers = new Map(store.answers(session, id).map(a => [a.participant, a.answer]))
      cache.set(key, answers)
    }
    return answers
  }
  // Each poll's aggregated results, built on first request and dropped on every change to the poll (a vote,
  // a state change, moderation, a reset): presenters, exports and a revealed poll's audience share one.
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
    return revealAll ? { ...stored, revealed: true } : stored
  }

  function setState(session: string, id: string, change: Partial<PollState>): PollState {
    const next = { ...state(session, id), ...change }
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
      found = aggregate(poll(id), state(session, id), [...answersOf(session, id).values()])
      aggregates.set(key, found)
    }
    return found
  }

  return {
    polls,
    poll,
    state,
    results,

    summaries(): PollSummary[] {
      return polls.map(p => ({
        id: p.id,
        kind: p.kind,
        question: p.question,
        options: p.kind === 'scale'
          ? scalePoints(p).map(point => ({ id: String(point), label: String(point) }))
          : 'options' in p ? p.options.map(({ id, label }) => ({ id, label })) : [],
      }))
    },

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
      const key = poll(id).kind === 'text' ? moderationKey(String(checked.answer)) : undefined
      const stored = await batcher.add({ session, poll: id, participant, answer: checked.answer, at: Date.now(), key })
      if (stored === 'dropped')
        throw new PollError(404, `unknown session "${session}"`)
      if (stored === 'hidden')
        answersOf(session, id).delete(participant)
      else answersOf(session, id).set(participant, checked.answer)
      changed(session, id)
      return checked.answer
    },

    /** What the audience may see: visibility is decided first, so hidden results cost no aggregation. */
    publicResults(session: string, id: string): PollResults | HiddenResults {
      const current = state(session, id)
      return current.revealed ? results(session, id) : hiddenResults(poll(id), current, answersOf(session, id).size)
    },

    answersByParticipant(session: string, id: string): ReadonlyMap<string, Answer> {
      return answersOf(session, poll(id).id)
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
      return id && byId.has(id) ? id : null
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
      const matching = [...answersOf(session, id)].filter(([, answer]) => moderationKey(String(answer)) === key).map(([participant]) => participant)
      store.hideAnswers(session, id, key, matching, Date.now())
      matching.forEach(participant => answersOf(session, id).delete(participant))
      changed(session, id)
      return matching.length
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
    exportJson: (session: string) => toJson(session, store.rows(session), polls, id => results(session, id)),

    subscribe(listener: (event: PollEvent) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type PollService = ReturnType<typeof createPollService>
