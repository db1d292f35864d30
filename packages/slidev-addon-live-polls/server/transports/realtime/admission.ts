import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { ServerMessage } from '../../../polls/types.ts'
import type { PollService } from '../../domain/pollService.ts'
import type { AddressBudgets } from '../../edge/addressBudgets.ts'
import type { LookupBudget } from '../../edge/lookupBudget.ts'
import { Buffer } from 'node:buffer'
import { STATUS_CODES } from 'node:http'
import { requestUrl } from '../../edge/http.ts'
import { TOO_MANY_FAILURES } from '../../edge/lookupBudget.ts'

/**
 * Who may open a socket, in two steps: the upgrade (path, origin, sockets per address), answered with a plain
 * HTTP status before any handshake; then, once it is a socket, its session (it must exist: a failed look-up
 * counts against the address, as on the HTTP API).
 */
export interface Admission {
  /** Takes an HTTP upgrade for /ws, handing the socket to `connected`; returns false for any other path so others may handle it. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, connected: (ws: WebSocket, from: string) => void) => boolean
  /** False (and the socket refused) when its address has failed too many look-ups to try one more. */
  mayLookUp: (socket: WebSocket, code: string, from: string) => boolean
  /** Whether the socket's session exists; if not, it is refused (a failed look-up). */
  admit: (socket: WebSocket, code: string, from: string) => Promise<boolean>
  /** Addresses with sockets. */
  addresses: () => number
}

export interface AdmissionOptions {
  service: Pick<PollService, 'hasSession'>
  upgrades: (req: IncomingMessage, socket: Duplex, head: Buffer, done: (ws: WebSocket) => void) => void
  address: (req: IncomingMessage) => string
  allowedOrigin: (req: IncomingMessage) => boolean
  lookups: LookupBudget
  budgets: Pick<AddressBudgets, 'sockets'>
}

/** Answers an upgrade with a plain HTTP status, before any handshake, and hangs up. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`)
}

/** Sends an error and closes with a short fixed reason (a close reason may hold 123 bytes, an echoed code more). */
export function refuse(socket: WebSocket, code: number, reason: string, error: string): void {
  socket.send(JSON.stringify({ type: 'error', error } satisfies ServerMessage))
  socket.close(code, reason)
}

export function createAdmission({ service, upgrades, address, allowedOrigin, lookups, budgets }: AdmissionOptions): Admission {
  const socketsByAddress = new Map<string, number>()
  return {
    upgrade(req, socket, head, connected) {
      const url = requestUrl(req)
      if (!url) {
        socket.destroy()
        return true
      }
      if (url.pathname !== '/ws')
        return false
      if (!allowedOrigin(req)) {
        refuseUpgrade(socket, 403, 'this page\'s origin may not open the poll socket')
        return true
      }
      const from = address(req)
      const held = socketsByAddress.get(from) ?? 0
      if (budgets.sockets > 0 && held >= budgets.sockets) {
        refuseUpgrade(socket, 429, 'too many sockets from this address')
        return true
      }
      // Counted from the upgrade until the connection closes, handshake or not.
      socketsByAddress.set(from, held + 1)
      socket.once('close', () => {
        const left = socketsByAddress.get(from)! - 1
        if (left > 0)
          socketsByAddress.set(from, left)
        else socketsByAddress.delete(from)
      })
      upgrades(req, socket, head, ws => connected(ws, from))
      return true
    },
    mayLookUp(socket, code, from) {
      if (code !== '' && !lookups.allows(from)) {
        refuse(socket, 4429, 'too many failed look-ups', TOO_MANY_FAILURES)
        return false
      }
      return true
    },
    async admit(socket, code, from) {
      if (code === '')
        return true
      let found: boolean
      try {
        found = await service.hasSession(code)
      }
      catch {
        refuse(socket, 1011, 'storage unavailable', 'the server cannot read its database right now; try again')
        return false
      }
      if (!found) {
        lookups.failed(from)
        refuse(socket, 4404, 'unknown session', `unknown session "${code}"`)
      }
      return found
    },
    addresses: () => socketsByAddress.size,
  }
}
