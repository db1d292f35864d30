import type { Store, StoreChange } from '../../stores/store.ts'
import type { Tally } from '../tally.ts'
import type { DeckIndex } from './deckIndex.ts'
import type { PollCaches } from './pollCaches.ts'
import type { PollEvents } from './pollEvents.ts'
import { cacheKey } from './pollCaches.ts'

/** How the caches follow changes other processes commit to a shared store (store.onChange). */
export interface ChangeFollower {
  /**
   * This process changed these participants' answers: a read of another process's change under way may have
   * begun before this one was committed, and must not put an older answer back.
   */
  changedHere: (session: string, id: string, participants: string[]) => void
  /** Stops following (the store is closed by whoever opened it). */
  stop: () => void
}

export interface FollowOptions {
  store: Store
  deck: DeckIndex
  caches: PollCaches
  events: PollEvents
}

export function followChanges({ store, deck: { polls }, caches, events: { emit } }: FollowOptions): ChangeFollower {
  // Reads of answers another process changed, under way, each noting the participants whose answers this process
  // changed meanwhile: such a read may have begun before this process's change was committed, and then holds an
  // answer older than the one kept here. Theirs are read again, from after this process's change.
  const reading = new Set<Set<string>>()
  const participantKey = (session: string, id: string, participant: string): string => cacheKey(cacheKey(session, id), participant)

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
          if (touched.has(participantKey(session, id, participant)))
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
        const tally = caches.keptTally(session, id)
        if (tally)
          await followVotes(session, id, participants, tally)
        return caches.changed(session, id)
      }
      case 'state':
      case 'reset':
        caches.dropState(change.session, change.poll)
        if (change.type === 'reset')
          caches.dropTally(change.session, change.poll)
        caches.changed(change.session, change.poll)
        return emit({ type: 'current', session: change.session })
      case 'moderation':
        caches.dropTally(change.session, change.poll)
        return caches.changed(change.session, change.poll)
      case 'current':
        caches.dropCurrent(change.session)
        return emit({ type: 'current', session: change.session })
      case 'deleted':
        caches.forgetSession(change.session)
        return emit({ type: 'deleted', session: change.session })
      case 'retention':
        caches.forgetPolls('')
        return polls.forEach(p => caches.changed('', p.id))
      case 'resync':
        // Changes may have been missed: everything is read again, and every session in use is sent again.
        for (const session of caches.clear()) {
          polls.forEach(p => caches.changed(session, p.id))
          emit({ type: 'current', session })
        }
    }
  }

  // In the order they were committed; one that cannot be read now leaves its poll to be read afresh.
  let following = Promise.resolve()
  const stop = store.onChange((change) => {
    following = following.then(() => follow(change)).catch(() => {
      if ('poll' in change)
        caches.dropTally(change.session, change.poll)
      else void follow({ type: 'resync' })
    })
  })

  return {
    changedHere(session, id, participants) {
      for (const touched of reading) participants.forEach(participant => touched.add(participantKey(session, id, participant)))
    },
    stop,
  }
}
