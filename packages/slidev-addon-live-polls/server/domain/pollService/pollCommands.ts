import type { Answer, PollState } from '../../../polls/types.ts'
import type { Store, StoredAs } from '../../stores/store.ts'
import type { DeckIndex } from './deckIndex.ts'
import type { ChangeFollower } from './followChanges.ts'
import type { PollCaches } from './pollCaches.ts'
import type { PollEvents } from './pollEvents.ts'
import { traitsOf } from '../../../kinds/traits.ts'
import { moderationKey } from '../../../polls/normalizeText.ts'
import { validateAnswer } from '../../../polls/validateAnswer.ts'
import { StorageError } from '../../stores/storageError.ts'
import { PollError } from '../pollError.ts'
import { createVoteBatcher } from '../voteBatcher.ts'
import { cacheKey } from './pollCaches.ts'

/**
 * What changes a poll: votes, its state, the poll on screen, moderation. Each writes the store first, then
 * what the caches keep of it, then tells listeners.
 */
export interface PollCommands {
  /** Validates and stores a vote; resolves only once it is committed to the database. */
  vote: (session: string, id: string, participant: string, answer: unknown) => Promise<Answer>
  open: (session: string, id: string) => Promise<PollState>
  close: (session: string, id: string) => Promise<PollState>
  reveal: (session: string, id: string) => Promise<PollState>
  hide: (session: string, id: string) => Promise<PollState>
  /** Erases a poll's answers and the texts moderated in it. */
  reset: (session: string, id: string) => Promise<PollState>
  setCurrent: (session: string, id: string | null) => Promise<void>
  /** Moderation: takes every answer reading as `text` (see moderationKey) off the charts and out of exports. */
  hideText: (session: string, id: string, text: string) => Promise<number>
  /** The texts hidden in a poll, each with one answer as sent and how many answers it keeps off the charts. */
  hiddenTexts: (session: string, id: string) => Promise<{ text: string, count: number }[]>
  /** Undoes hideText: answers reading as `text` count again, and it may be sent again. Returns how many came back. */
  unhideText: (session: string, id: string, text: string) => Promise<number>
}

export interface PollCommandsOptions {
  store: Store
  deck: DeckIndex
  caches: PollCaches
  events: PollEvents
  follower: Pick<ChangeFollower, 'changedHere'>
}

export function createPollCommands({ store, deck, caches, events: { emit }, follower: { changedHere } }: PollCommandsOptions): PollCommands {
  const { poll } = deck
  const batcher = createVoteBatcher(store.saveVotes)

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
        ...await caches.state(session, id),
        ...change,
      }
      await store.setState(session, id, next)
      caches.keepState(session, id, next)
      caches.changed(session, id)
      emit({ type: 'current', session })
      return next
    })

  function onlyText(id: string): void {
    if (!traitsOf(poll(id)).moderated)
      throw new PollError(400, 'only open-text answers can be hidden')
  }

  return {
    async vote(session, id, participant, answer) {
      if (!await caches.hasSession(session))
        throw new PollError(404, `unknown session "${session}"`)
      const checked = validateAnswer(poll(id), answer)
      if (!checked.ok)
        throw new PollError(400, checked.error)
      if (!(await caches.state(session, id)).open)
        throw new PollError(409, `poll "${id}" is closed`)
      // A moderated text sent again, however disguised, is stored, but stays off the charts and exports. The
      // store decides that as it writes the vote (a text may be hidden while the vote waits for its batch),
      // and the answers kept in memory follow what it stored.
      const key = traitsOf(poll(id)).moderated
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
      const tally = await caches.tally(session, id)
      changedHere(session, id, [participant])
      if (stored === 'hidden')
        tally.delete(participant)
      else tally.set(participant, checked.answer)
      caches.changed(session, id)
      return checked.answer
    },

    open: (session, id) => setState(session, id, { open: true }),
    close: (session, id) => setState(session, id, { open: false }),
    reveal: (session, id) => setState(session, id, { revealed: true }),
    hide: (session, id) => setState(session, id, { revealed: false }),
    async reset(session, id) {
      await store.resetVotes(session, poll(id).id)
      caches.dropTally(session, id)
      caches.changed(session, id)
      emit({ type: 'current', session })
      return caches.state(session, id)
    },

    async setCurrent(session, id) {
      if (id !== null)
        poll(id)
      if (await caches.storedCurrent(session) === id)
        return
      await store.setCurrent(session, id)
      caches.keepCurrent(session, id)
      emit({ type: 'current', session })
    },

    async hideText(session, id, text) {
      onlyText(id)
      const hidden = await store.hideAnswers(session, id, moderationKey(text), Date.now())
      const tally = await caches.tally(session, id)
      changedHere(session, id, hidden)
      hidden.forEach(participant => tally.delete(participant))
      caches.changed(session, id)
      return hidden.length
    },
    async hiddenTexts(session, id) {
      return (await store.hiddenTexts(session, poll(id).id)).map(({ text, count }) => ({ text, count }))
    },
    async unhideText(session, id, text) {
      onlyText(id)
      const shown = await store.unhideAnswers(session, id, moderationKey(text))
      const tally = await caches.tally(session, id)
      changedHere(session, id, shown.map(answer => answer.participant))
      shown.forEach(({ participant, answer }) => tally.set(participant, answer))
      caches.changed(session, id)
      return shown.length
    },
  }
}
