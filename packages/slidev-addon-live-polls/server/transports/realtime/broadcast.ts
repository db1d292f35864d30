import type { PollService } from '../../domain/pollService.ts'
import type { Sender } from './backpressure.ts'
import type { Clients } from './clients.ts'
import type { Protocol } from './protocol.ts'
import type { ResultsMessages } from './resultsMessages.ts'

export interface BroadcastOptions {
  service: Pick<PollService, 'polls' | 'subscribe'>
  clients: Clients
  messages: ResultsMessages
  sender: Pick<Sender, 'send' | 'sendResults'>
  protocol: Pick<Protocol, 'sendCurrent'>
  /** Shortest time between two result broadcasts for a session (ms). */
  coalesceMs: number
}

/**
 * What the service's events send: changed results to a session's watchers, coalesced; the poll on screen to
 * every socket of its session; a deleted session's sockets closed. Returns the stop.
 */
export function broadcastChanges({ service, clients, messages, sender: { send, sendResults }, protocol, coalesceMs }: BroadcastOptions): () => void {
  const dirty = new Map<string, Set<string>>()
  let flushTimer: NodeJS.Timeout | undefined
  let lastFlush = 0

  /** Sends each watcher of a session the results that changed. */
  function flushResults(): void {
    flushTimer = undefined
    lastFlush = Date.now()
    for (const [code, polls] of dirty) {
      for (const client of clients.watching(code)) {
        for (const poll of polls) sendResults(client, poll)
      }
    }
    dirty.clear()
  }

  const unsubscribe = service.subscribe((event) => {
    if (event.type === 'deleted') {
      service.polls.forEach(poll => messages.forget(event.session, poll.id))
      for (const client of clients.all) {
        if (client.session === event.session) {
          send(client, { type: 'error', error: `unknown session "${event.session}"` })
          client.socket.close(4404, 'session deleted')
        }
      }
      return
    }
    if (event.type === 'results') {
      messages.forget(event.session, event.poll)
      if (!clients.hasWatchers(event.session))
        return
      const polls = dirty.get(event.session) ?? new Set()
      polls.add(event.poll)
      dirty.set(event.session, polls)
      // At most one broadcast per window: the first change goes out at once, a burst waits for the window's end.
      flushTimer ??= setTimeout(flushResults, Math.max(0, lastFlush + coalesceMs - Date.now()))
      return
    }
    for (const client of clients.all) {
      if (client.session === event.session)
        void protocol.sendCurrent(client)
    }
  })

  return () => {
    unsubscribe()
    clearTimeout(flushTimer)
  }
}
