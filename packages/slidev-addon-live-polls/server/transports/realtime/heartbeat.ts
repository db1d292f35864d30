import type { Sender } from './backpressure.ts'
import type { Client, Clients } from './clients.ts'
import { SEND_HOLD_BYTES } from './backpressure.ts'

/**
 * Phones that vanish (sleep, lost Wi-Fi) without closing are found by ping and dropped; so are sockets whose
 * queue stays full (a client can answer pings and still never read).
 */
export interface Heartbeat {
  /** A new socket: its pongs show it alive. */
  track: (client: Client) => void
  stop: () => void
}

export function startHeartbeat(clients: Clients, { cut }: Pick<Sender, 'cut'>, everyMs = 30_000): Heartbeat {
  const heartbeat = setInterval(() => {
    for (const client of clients.all) {
      const backlogged = client.socket.bufferedAmount > SEND_HOLD_BYTES
      if (!client.alive || (backlogged && client.backlogged)) {
        if (backlogged)
          cut(client)
        else client.socket.terminate()
        clients.remove(client)
        continue
      }
      client.backlogged = backlogged
      client.alive = false
      client.socket.ping()
    }
  }, everyMs)
  heartbeat.unref()
  return {
    track: client => void client.socket.on('pong', () => (client.alive = true)),
    stop: () => clearInterval(heartbeat),
  }
}
