import type { Poll, ServerMessage } from '../../../polls/types.ts'
import type { Client } from './clients.ts'
import type { ResultsMessages } from './resultsMessages.ts'

/**
 * What a socket may have queued and not yet taken (ws `bufferedAmount`, beyond what the kernel holds). Over
 * SEND_HOLD_BYTES it is sent no more results, only which polls changed is noted, and it gets their latest
 * results once it drains; over SEND_CLOSE_BYTES, or over SEND_HOLD_BYTES for a whole heartbeat, it is cut: a
 * reader that stopped reading costs the server at most about this much, however much happens meanwhile.
 */
export const SEND_HOLD_BYTES = 64 * 1024
export const SEND_CLOSE_BYTES = 1024 * 1024

/** Every send to a socket goes through here, so a reader that stops reading is held back, then cut. */
export interface Sender {
  send: (client: Client, message: ServerMessage | string) => void
  /** A poll's latest results to a watcher, or, while its queue is full, a note to send them once it drains. */
  sendResults: (client: Client, poll: string) => void
  /** Every poll's results to a new watcher, in the deck's order, read at once. */
  sendAllResults: (client: Client) => Promise<void>
  /** Ends a socket that does not take what it is sent (terminated: a close frame would wait behind the queue). */
  cut: (client: Client) => void
  /** Sockets cut for not reading, since start. */
  slowClosed: () => number
}

export function createSender(polls: Poll[], messages: ResultsMessages): Sender {
  let slowClosed = 0

  function send(client: Client, message: ServerMessage | string): void {
    const { socket } = client
    if (socket.readyState !== socket.OPEN)
      return
    // Each write that leaves the queue is a chance to send what was held back.
    socket.send(typeof message === 'string'
      ? message
      : JSON.stringify(message), () => client.held.size && release(client))
    if (socket.bufferedAmount > SEND_CLOSE_BYTES)
      cut(client)
  }

  function cut(client: Client): void {
    slowClosed += 1
    client.socket.terminate()
  }

  function sendResults(client: Client, poll: string): void {
    if (client.socket.bufferedAmount > SEND_HOLD_BYTES) {
      client.held.add(poll)
      return
    }
    client.held.delete(poll)
    const { session, presenter } = client
    const text = messages.text(session, poll, presenter)
    text.then(
      body => messages.isLatest(session, poll, presenter, text) && send(client, body),
      () => send(client, { type: 'error', error: 'results cannot be read right now' }),
    )
  }

  /** As a socket's queue drains: what was held back goes out as it is now, once per poll. */
  function release(client: Client): void {
    for (const poll of client.held) sendResults(client, poll)
  }

  return {
    send,
    sendResults,
    async sendAllResults(client) {
      const { session, presenter } = client
      const reads = polls.map(poll => messages.text(session, poll.id, presenter))
      const texts = await Promise.all(reads)
      polls.forEach((poll, i) => {
        if (!messages.isLatest(session, poll.id, presenter, reads[i]!))
          return
        if (client.socket.bufferedAmount > SEND_HOLD_BYTES)
          client.held.add(poll.id)
        else send(client, texts[i]!)
      })
    },
    cut,
    slowClosed: () => slowClosed,
  }
}
