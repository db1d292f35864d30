/** What the service tells its transports: a poll's results changed, a session's poll on screen, a session gone. */
export type PollEvent
  = | { type: 'results', session: string, poll: string }
    | { type: 'current', session: string }
    | { type: 'deleted', session: string }

export interface PollEvents {
  emit: (event: PollEvent) => void
  /** Returns the unsubscribe. */
  subscribe: (listener: (event: PollEvent) => void) => () => void
}

export function createPollEvents(): PollEvents {
  const listeners = new Set<(event: PollEvent) => void>()
  return {
    emit: event => listeners.forEach(listener => listener(event)),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
