import type { Answer, Comparison, ComparisonView, HiddenResults, Poll, PollComparison, PollResults, PollState } from '../../polls/types.ts'
import type { Store, StoreChange, StoredAs } from '../stores/store.ts'
import type { Tally } from '../tally.ts'
import { countingOf } from '../../kinds/counting.ts'
import { moderationKey } from '../../polls/normalizeText.ts'
import { validateAnswer } from '../../polls/validateAnswer.ts'
import { comparePoll, largeEnough } from '../compare.ts'
import { csvPieces, exportDocument } from '../exportResults.ts'
import { hiddenResults, TEXT_ENTRIES_SHOWN } from '../results.ts'
import { StorageError } from '../stores/storageError.ts'
import { createTally } from '../tally.ts'
import { PollError } from './pollError.ts'
import { rowPages } from './rowPages.ts'
import { generateSessionCode } from './sessionCode.ts'
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
  const cacheKey = (session: string, id: string): string => `${session}\n${id}`

  // What is read from the store is kept in memory, and kept in step with every change: this process's own as
  // it commits them, other processes' as the store reports them (store.onChange). A vote then costs the same
  // however many answers a poll holds, a results broadcast reads nothing again, and a phone's hello at most its
  // own answer (when processes share the store: answerOf).
  // Each poll's visible answers by participant and their running counts:
  const tallies = new Map<string, Promise<Tally>>()
  // Each poll's open/revealed state as stored, each session's poll on screen, the sessions known to exist:
  const states = new Map<string, Promise<PollState | undefined>>()
  const currents = new Map<string, Promise<string | null>>()
  const knownSessions = new Set<string>()
  // Each poll's results, read from its counts on first request and dropped on every change to the poll (a
  // vote, a state change, moderation, a reset): presenters and a revealed poll's audience share one. A
  // poll's version counts its changes, so results read across a change are not kept.
  const aggregates = new Map<string, PollResults>()
  const versions = new Map<string, number>()

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

  const tallyOf = (session: string, id: string): Promise<Tally> => cached(tallies, cacheKey(session, id), async () =>
    createTally(poll(id), new Map((await store.answers(session, id)).map(a => [a.participant, a.answer]))))

  const forgetSession = (session: string): void => polls.forEach((p) => {
    tallies.delete(cacheKey(session, p.id))
    states.delete(cacheKey(session, p.id))
    aggregates.delete(cacheKey(session, p.id))
  })

  const emit = (event: PollEvent): void => listeners.forEach(listener => listener(event))
  /** A poll's answers or state changed: its aggregate is stale, and listeners hear of it. */
  function changed(session: string, id: string): void {
    const key = cacheKey(session, id)
    versions.set(key, (versions.get(key) ?? 0) + 1)
    aggregates.delete(key)
    emit({ type: 'results', session, poll: id })
  }

  function poll(id: string): Poll {
    const found = byId.get(id)
    if (!found)
      throw new PollError(404, `unknown poll "${id}"`)
    return found
  }

  /** The poll on screen in a session as stored (perhaps one an earlier version of the deck had). */
  const storedCurrent = (session: string): Promise<string | null> => cached(currents, session, () => store.current(session))

  async function state(session: string, id: string): Promise<PollState> {
    const stored = await cached(states, cacheKey(session, id), () => store.state(session, id))
      ?? { open: true, revealed: !poll(id).hideResults }
    return revealAll
      ? { ...stored, revealed: true }
      : stored
  }

  // State changes of one poll one after another: two at once (open from the console, reveal from the slides) both count.
  const stateQueue = new Map<string, Promise<unknown>>()
  function serially<T>(key: string, run: () => Promise<T>): Promise<T> {
    const next = (stateQueue.get(key) ?? Promise.resolve()).then(run, run)
    const settled = next.catch(() => {})
    stateQueue.set(key, settled)
    settled.then(() => stateQueue.get(key) === settled && stateQueue.delete(key))
    return next
  }

  const setState = (session: string, id: string, change: Partial<PollState>): Promise<PollState> =>
    serially(cacheKey(session, id), async () => {
      const next = {
        ...await state(session, id),
        ...change,
      }
      await store.setState(session, id, next)
      states.set(cacheKey(session, id), Promise.resolve(next))
      changed(session, id)
      emit({ type: 'current', session })
      return next
    })

  /** '' (the default session) always exists; workshop sessions exist until deleted. */
  async function hasSession(code: string): Promise<boolean> {
    if (code === '' || knownSessions.has(code))
      return true
    const found = await store.hasSession(code)
    if (found)
      knownSessions.add(code)
    return found
  }

  async function results(session: string, id: string): Promise<PollResults> {
    const key = cacheKey(session, id)
    const found = aggregates.get(key)
    if (found)
      return found
    const version = versions.get(key) ?? 0
    const [tally, current] = await Promise.all([
      tallyOf(session, id),
      state(session, id),
    ])
    const fresh = tally.results(current)
    if ((versions.get(key) ?? 0) === version)
      aggregates.set(key, fresh)
    return fresh
  }

  /**
   * Results with every text group listed, for exports, never for broadcasts: read from the running counts
   * (counting 50,000 texts afresh held the event loop for every export).
   */
  async function fullResults(session: string, id: string): Promise<PollResults> {
    const [tally, current] = await Promise.all([
      tallyOf(session, id),
      state(session, id),
    ])
    return tally.results(current, Infinity)
  }

  // Reads of answers another process changed, under way, each noting the participants whose answers this process
  // changed meanwhile: such a read may have begun before this process's change was committed, and then holds an
  // answer older than the one kept here. Theirs are read again, from after this process's change.
  const reading = new Set<Set<string>>()
  function changedHere(session: string, id: string, participants: string[]): void {
    for (const touched of reading) participants.forEach(participant => touched.add(cacheKey(cacheKey(session, id), participant)))
  }

  /** Another process changed these participants' answers: the tally kept here takes them as stored now. */
  async function followVotes(session: string, id: string, participants: string[], tally: Promise<Tally>): Promise<void> {
    let pending = participants
    while (pending.length) {
      const touched = new Set<string>()
      reading.add(touched)
      try {
        const stored = new Map((await store.answersOf(session, id, pending)).map(a => [a.participant, a.answer]))
        const kept = await tally
        const again: string[] = []
        for (const participant of pending) {
          const answer = stored.get(participant)
          if (touched.has(cacheKey(cacheKey(session, id), participant)))
            again.push(participant)
          else if (answer === undefined)
            kept.delete(participant)
          else kept.set(participant, answer)
        }
        pending = again
      }
      finally {
        reading.delete(touched)
      }
    }
  }

  /** Another process committed a change: what is kept of it here is read again, and listeners hear of it. */
  async function follow(change: StoreChange): Promise<void> {
    switch (change.type) {
      case 'votes': {
        const { session, poll: id, participants } = change
        const tally = tallies.get(cacheKey(session, id))
        if (tally)
          await followVotes(session, id, participants, tally)
        return changed(session, id)
      }
      case 'state':
      case 'reset':
        states.delete(cacheKey(change.session, change.poll))
        if (change.type === 'reset')
          tallies.delete(cacheKey(change.session, change.poll))
        changed(change.session, change.poll)
        return emit({ type: 'current', session: change.session })
      case 'moderation':
        tallies.delete(cacheKey(change.session, change.poll))
        return changed(change.session, change.poll)
      case 'current':
        currents.delete(change.session)
        return emit({ type: 'current', session: change.session })
      case 'deleted':
        forgetSession(change.session)
        currents.delete(change.session)
        knownSessions.delete(change.session)
        return emit({ type: 'deleted', session: change.session })
      case 'retention':
        forgetSession('')
        return polls.forEach(p => changed('', p.id))
      case 'resync': {
        // Changes may have been missed: everything is read again, and every session in use is sent again.
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
        for (const session of sessions) {
          polls.forEach(p => changed(session, p.id))
          emit({ type: 'current', session })
        }
      }
    }
  }
  /** A session's rows of these polls, poll after poll in the deck's order, a page at a time. */
  async function* pollPages(session: string, which: Poll[]) {
    for (const { id } of which) yield* rowPages(store, session, id)
  }

  /**
   * The one filter of what a comparison's CSV carries: by poll id, the sessions whose rows of that poll are
   * exported (a group withheld from a poll is not; nor is any poll not in the deck).
   */
  async function comparedRows(sessions: string[], minGroupSize: number): Promise<Map<string, Set<string>>> {
    return new Map(await Promise.all(polls.map(async (poll) => {
      const sizes = await Promise.all(sessions.map(async session => (await tallyOf(session, poll.id)).answers.size))
      return [
        poll.id,
        new Set(sessions.filter((_, i) => largeEnough(sizes[i]!, minGroupSize))),
      ] as const
    })))
  }

  const label = (code: string): string => code || 'default'
  /** What a comparison says before its polls: the groups as asked, their names, the threshold. */
  async function comparisonHead(sessions: string[], minGroupSize: number): Promise<Omit<Comparison, 'polls'>> {
    const names = new Map((await store.sessions()).map(s => [s.code, s.name]))
    return {
      sessions: sessions.map(label),
      names: Object.fromEntries(sessions.map(code => [
        label(code),
        names.get(code) ?? null,
      ])),
      minGroupSize,
    }
  }

  /** A poll across these sessions for `view` (compare.ts); an export lists every text group. */
  async function comparedPoll(poll: Poll, sessions: string[], minGroupSize: number, view: ComparisonView): Promise<PollComparison> {
    // Everything read first, then counted in one go: no vote comes between a group's results and the combined column.
    const read = await Promise.all(sessions.map(code => Promise.all([
      tallyOf(code, poll.id),
      state(code, poll.id),
    ])))
    const textLimit = view === 'export'
      ? Infinity
      : TEXT_ENTRIES_SHOWN
    return comparePoll(poll, read.map(([tally, current], i) => ({
      label: label(sessions[i]!),
      state: current,
      results: tally.results(current, textLimit),
      textGroups: () => tally.textGroups(),
    })), { minGroupSize, view, textLimit })
  }

  // In the order they were committed; one that cannot be read now leaves its poll to be read afresh.
  let following = Promise.resolve()
  const unfollow = store.onChange((change) => {
    following = following.then(() => follow(change)).catch(() => {
      if ('poll' in change)
        tallies.delete(cacheKey(change.session, change.poll))
      else void follow({ type: 'resync' })
    })
  })

  return {
    polls,
    poll,
    state,
    results,
    fullResults,

    /** Validates and stores a vote; resolves only once it is committed to the database. */
    async vote(session: string, id: string, participant: string, answer: unknown): Promise<Answer> {
      if (!await hasSession(session))
        throw new PollError(404, `unknown session "${session}"`)
      const checked = validateAnswer(poll(id), answer)
      if (!checked.ok)
        throw new PollError(400, checked.error)
      if (!(await state(session, id)).open)
        throw new PollError(409, `poll "${id}" is closed`)
      // A moderated text sent again, however disguised, is stored, but stays off the charts and exports. The
      // store decides that as it writes the vote (a text may be hidden while the vote waits for its batch),
      // and the answers kept in memory follow what it stored.
      const key = countingOf(poll(id)).moderated
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
          throw new PollError(503, 'not stored: the server cannot write its database right now; try again', { retry: true })
        // The database refused this vote alone (the batcher stored the others): its sender pays for the refusal.
        throw new PollError(400, 'not stored: the database cannot store this answer', { costsSender: true })
      }
      if (stored === 'dropped')
        throw new PollError(404, `unknown session "${session}"`)
      const tally = await tallyOf(session, id)
      changedHere(session, id, [participant])
      if (stored === 'hidden')
        tally.delete(participant)
      else tally.set(participant, checked.answer)
      changed(session, id)
      return checked.answer
    },

    /** What the audience may see: visibility is decided first, so hidden results cost no aggregation. */
    async publicResults(session: string, id: string): Promise<PollResults | HiddenResults> {
      const current = await state(session, id)
      return current.revealed
        ? results(session, id)
        : hiddenResults(poll(id), current, (await tallyOf(session, id)).answers.size)
    },

    /**
     * A participant's answer, from what this process keeps; `fromStore` reads it from the store when other
     * processes share it. A phone that reconnects says hello to whichever process the balancer picks, perhaps a moment
     * after another acknowledged its vote and before this one has heard of it: it must still find the vote it
     * was told is stored. Should that read fail, what this process keeps will do.
     */
    async answerOf(session: string, id: string, participant: string, fromStore = false): Promise<Answer | undefined> {
      poll(id)
      if (fromStore && store.shared) {
        try {
          return (await store.answersOf(session, id, [participant]))[0]?.answer
        }
        catch {}
      }
      return (await tallyOf(session, id)).answers.get(participant)
    },

    open: (session: string, id: string) => setState(session, id, { open: true }),
    close: (session: string, id: string) => setState(session, id, { open: false }),
    reveal: (session: string, id: string) => setState(session, id, { revealed: true }),
    hide: (session: string, id: string) => setState(session, id, { revealed: false }),
    async reset(session: string, id: string): Promise<PollState> {
      await store.resetVotes(session, poll(id).id)
      tallies.delete(cacheKey(session, id))
      changed(session, id)
      emit({ type: 'current', session })
      return state(session, id)
    },

    // A poll id stored by an earlier version of the deck is no current poll.
    async current(session: string): Promise<string | null> {
      const id = await storedCurrent(session)
      return id && byId.has(id)
        ? id
        : null
    },
    async setCurrent(session: string, id: string | null): Promise<void> {
      if (id !== null)
        poll(id)
      if (await storedCurrent(session) === id)
        return
      await store.setCurrent(session, id)
      currents.set(session, Promise.resolve(id))
      emit({ type: 'current', session })
    },

    hasSession,
    /** Whether the database takes writes (for /api/health). */
    storage: () => store.health(),
    sessions: () => store.sessions(),
    async createSession(): Promise<string> {
      for (;;) {
        const code = generateSessionCode()
        if (await store.createSession(code, Date.now())) {
          knownSessions.add(code)
          return code
        }
      }
    },
    async deleteSession(code: string): Promise<void> {
      if (!await store.hasSession(code))
        throw new PollError(404, `unknown session "${code}"`)
      await store.deleteSession(code)
      forgetSession(code)
      currents.delete(code)
      knownSessions.delete(code)
      emit({ type: 'deleted', session: code })
    },

    /** Moderation: takes every answer reading as `text` (see moderationKey) off the charts and out of exports. */
    async hideText(session: string, id: string, text: string): Promise<number> {
      if (!countingOf(poll(id)).moderated)
        throw new PollError(400, 'only open-text answers can be hidden')
      const hidden = await store.hideAnswers(session, id, moderationKey(text), Date.now())
      const tally = await tallyOf(session, id)
      changedHere(session, id, hidden)
      hidden.forEach(participant => tally.delete(participant))
      changed(session, id)
      return hidden.length
    },

    /** The texts hidden in a poll, each with one answer as sent and how many answers it keeps off the charts. */
    async hiddenTexts(session: string, id: string): Promise<{ text: string, count: number }[]> {
      return (await store.hiddenTexts(session, poll(id).id)).map(({ text, count }) => ({ text, count }))
    },

    /** Undoes hideText: answers reading as `text` count again, and it may be sent again. Returns how many came back. */
    async unhideText(session: string, id: string, text: string): Promise<number> {
      if (!countingOf(poll(id)).moderated)
        throw new PollError(400, 'only open-text answers can be hidden')
      const shown = await store.unhideAnswers(session, id, moderationKey(text))
      const tally = await tallyOf(session, id)
      changedHere(session, id, shown.map(answer => answer.participant))
      shown.forEach(({ participant, answer }) => tally.set(participant, answer))
      changed(session, id)
      return shown.length
    },

    /** Erases sessions and answers older than `cutoff` (ms since epoch). */
    async applyRetention(cutoff: number): Promise<void> {
      for (const code of await store.deleteOlderThan(cutoff)) {
        forgetSession(code)
        currents.delete(code)
        knownSessions.delete(code)
        emit({ type: 'deleted', session: code })
      }
      // Old default-session answers may be gone: every poll of it is reloaded on next use, and watchers told.
      forgetSession('')
      polls.forEach(p => changed('', p.id))
    },

    /** A session's answers as CSV, in pieces as its rows are read (writePieces sends them), poll after poll. */
    exportCsv: (session: string): AsyncIterable<string> => csvPieces([
      {
        session,
        pages: pollPages(session, polls),
      },
    ], polls),

    /** Names a workshop session for comparisons (null: none). */
    async setSessionName(code: string, name: string | null): Promise<void> {
      if (!await store.setSessionName(code, name))
        throw new PollError(404, `unknown session "${code}"`)
    },

    /**
     * The polls side by side across these sessions (codes as stored, '' for the default), for `view` (compare.ts):
     * each group under `minGroupSize` participants withheld for that poll; an export lists every text group.
     */
    async compare(sessions: string[], minGroupSize: number, view: ComparisonView): Promise<Comparison> {
      return {
        ...await comparisonHead(sessions, minGroupSize),
        polls: await Promise.all(polls.map(poll => comparedPoll(poll, sessions, minGroupSize, view))),
      }
    },

    /**
     * The comparison's export as a document for jsonPieces, the same as `compare(…, 'export')`: each poll compared
     * as it is written, so no more than one poll's comparison is held.
     */
    async compareJson(sessions: string[], minGroupSize: number) {
      return {
        ...await comparisonHead(sessions, minGroupSize),
        polls: (async function* () {
          for (const poll of polls) yield await comparedPoll(poll, sessions, minGroupSize, 'export')
        })(),
      }
    },

    /** Each compared group left out of some polls (fewer than `minGroupSize` answered), with those polls, in the order compared. */
    async withheld(sessions: string[], minGroupSize: number): Promise<{ session: string, polls: string[] }[]> {
      const shown = await comparedRows(sessions, minGroupSize)
      return sessions.map(code => ({
        session: label(code),
        polls: polls.filter(poll => !shown.get(poll.id)!.has(code)).map(poll => poll.id),
      })).filter(g => g.polls.length)
    },

    /**
     * Every answer of these sessions as CSV, in pieces as rows are read, one row each with its session, but
     * only the rows that `comparedRows` lets through.
     */
    async compareCsv(sessions: string[], minGroupSize: number): Promise<AsyncIterable<string>> {
      const exported = await comparedRows(sessions, minGroupSize)
      return csvPieces(sessions.map(session => ({
        session,
        pages: pollPages(session, polls.filter(poll => exported.get(poll.id)?.has(session))),
      })), polls)
    },
    /** A session's export as a document for jsonPieces: each poll's results read as it is written, its answers a page at a time. */
    exportJson: (session: string) => exportDocument(session, polls, id => fullResults(session, id), id => rowPages(store, session, id)),

    subscribe(listener: (event: PollEvent) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Stops following other processes' changes (the store is closed by whoever opened it). */
    stopFollowing: unfollow,
  }
}

export type PollService = ReturnType<typeof createPollService>
