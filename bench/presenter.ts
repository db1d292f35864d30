import type { ServerMessage } from '../packages/slidev-addon-live-polls/polls/types'
import type { Tally } from './tally'
import WebSocket from 'ws'
import { now } from './clock'
import { assertLoopback } from './loopback'
import { shownTally } from './tally'

export interface Presenter {
  /** Arrival times (epoch ms, clock.ts) of `results` messages for the presented poll, ascending. */
  resultsAt: number[]
  /** What the latest `results` message showed. */
  readonly shown: Tally | undefined
  errors: Record<string, number>
  readonly unexpectedClose: boolean
  close: () => Promise<void>
}

/**
 * The one presenter: says hello with the token (so it gets `results`), puts `poll` on screen, and waits until the
 * server confirms it with `current`. It runs in the parent process, which is otherwise idle, so arrivals are stamped
 * promptly.
 */
export function connectPresenter(wsUrl: string, token: string, poll: string): Promise<Presenter> {
  assertLoopback(wsUrl)
  const socket = new WebSocket(wsUrl)
  const resultsAt: number[] = []
  const errors: Record<string, number> = {}
  let closing = false
  let unexpectedClose = false
  let shown: Tally | undefined

  const presenter: Presenter = {
    resultsAt,
    get shown() {
      return shown
    },
    errors,
    get unexpectedClose() {
      return unexpectedClose
    },
    close: () => new Promise((resolve) => {
      closing = true
      if (socket.readyState === WebSocket.CLOSED)
        return resolve()
      socket.once('close', () => resolve())
      socket.close(1000)
      setTimeout(() => socket.terminate(), 2000).unref()
    }),
  }

  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      socket.terminate()
      reject(new Error('presenter: no welcome/current within 10 s'))
    }, 10_000)
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token })))
    socket.on('error', reject)
    socket.on('close', () => {
      unexpectedClose = !closing
    })
    socket.on('message', (data) => {
      const at = now()
      const message = JSON.parse(String(data)) as ServerMessage
      if (message.type === 'results' && message.results.id === poll) {
        resultsAt.push(at)
        shown = shownTally(message.results)
      }
      else if (message.type === 'error') {
        errors[message.error] = (errors[message.error] ?? 0) + 1
      }
      else if (message.type === 'welcome') {
        if (!message.presenter) {
          clearTimeout(timeout)
          reject(new Error('presenter: the server did not accept the token'))
        }
        socket.send(JSON.stringify({ type: 'present', poll }))
      }
      else if (message.type === 'current' && message.poll === poll) {
        clearTimeout(timeout)
        resolve(presenter)
      }
    })
  })
}
