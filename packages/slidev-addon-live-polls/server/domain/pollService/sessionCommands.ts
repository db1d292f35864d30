import type { SessionInfo } from '../../../polls/types.ts'
import type { StorageStatus } from '../../stores/storageHealth.ts'
import type { Store } from '../../stores/store.ts'
import type { DeckIndex } from './deckIndex.ts'
import type { PollCaches } from './pollCaches.ts'
import type { PollEvents } from './pollEvents.ts'
import { PollError } from '../pollError.ts'
import { generateSessionCode } from '../sessionCode.ts'

/** Workshop sessions' life: created, named, listed, deleted, erased when old; and whether the database takes writes. */
export interface SessionCommands {
  /** '' (the default session) always exists; workshop sessions exist until deleted. */
  hasSession: (code: string) => Promise<boolean>
  /** Whether the database takes writes (for /api/health). */
  storage: () => Promise<StorageStatus>
  sessions: () => Promise<SessionInfo[]>
  /** Creates a workshop session under a fresh code, and returns it. */
  createSession: () => Promise<string>
  deleteSession: (code: string) => Promise<void>
  /** Names a workshop session for comparisons (null: none). */
  setSessionName: (code: string, name: string | null) => Promise<void>
  /** Erases sessions and answers older than `cutoff` (ms since epoch). */
  applyRetention: (cutoff: number) => Promise<void>
}

export function createSessionCommands(store: Store, { polls }: DeckIndex, caches: PollCaches, { emit }: PollEvents): SessionCommands {
  return {
    hasSession: caches.hasSession,
    storage: () => store.health(),
    sessions: () => store.sessions(),
    async createSession() {
      for (;;) {
        const code = generateSessionCode()
        if (await store.createSession(code, Date.now())) {
          caches.knowSession(code)
          return code
        }
      }
    },
    async deleteSession(code) {
      if (!await store.hasSession(code))
        throw new PollError(404, `unknown session "${code}"`)
      await store.deleteSession(code)
      caches.forgetSession(code)
      emit({ type: 'deleted', session: code })
    },
    async setSessionName(code, name) {
      if (!await store.setSessionName(code, name))
        throw new PollError(404, `unknown session "${code}"`)
    },
    async applyRetention(cutoff) {
      for (const code of await store.deleteOlderThan(cutoff)) {
        caches.forgetSession(code)
        emit({ type: 'deleted', session: code })
      }
      // Old default-session answers may be gone: every poll of it is reloaded on next use, and watchers told.
      caches.forgetPolls('')
      polls.forEach(p => caches.changed('', p.id))
    },
  }
}
