import type { WebSocket } from 'ws'

/** One open socket, as the realtime side knows it. */
export interface Client {
  id: string
  socket: WebSocket
  session: string
  /** The client's address as the per-address budgets count it. */
  address: string
  /** Set by the first hello that names one, then fixed: a socket is one participant for its life. */
  participant?: string
  /** An embedded single poll: this client follows that poll, not the presenter's slides. */
  pinned?: string
  presenter: boolean
  watch: boolean
  /** The results view this socket was last sent every poll in; a hello that keeps it sends none again. */
  view?: 'full' | 'public'
  /** Polls whose results were held back while the socket's queue was full: sent as they are then, once it drains. */
  held: Set<string>
  /** Over SEND_HOLD_BYTES at the last heartbeat: still over at the next, the socket is cut. */
  backlogged: boolean
  alive: boolean
  refused: number
  /** The client's messages, handled one after another: false once its session turned out not to exist. */
  handled: Promise<boolean>
}

/** The open sockets, and the ones watching results by session. */
export interface Clients {
  all: Set<Client>
  /** A session's watchers; a change in a session nobody watches sends nothing and builds nothing. */
  watching: (session: string) => Iterable<Client>
  hasWatchers: (session: string) => boolean
  setWatch: (client: Client, watch: boolean) => void
  /** The socket is gone (closed, or dropped by the heartbeat). */
  remove: (client: Client) => void
}

export function createClients(): Clients {
  const all = new Set<Client>()
  const watchers = new Map<string, Set<Client>>()

  function setWatch(client: Client, watch: boolean): void {
    client.watch = watch
    let watching = watchers.get(client.session)
    if (watch) {
      if (!watching)
        watchers.set(client.session, watching = new Set())
      watching.add(client)
      return
    }
    client.held.clear()
    watching?.delete(client)
    if (watching?.size === 0)
      watchers.delete(client.session)
  }

  return {
    all,
    watching: session => watchers.get(session) ?? [],
    hasWatchers: session => watchers.has(session),
    setWatch,
    remove(client) {
      all.delete(client)
      setWatch(client, false)
    },
  }
}
