// The IPC messages between bench/run.ts (parent) and each bench/loadgen.ts process.
import type { Tally } from './tally'

/** Counts of one generator's phones. */
export interface SocketCounts {
  /** Sockets currently open. */
  open: number
  /** Phones the server greeted with `welcome`: connections it has really taken on. */
  welcomed: number
  /** Connections that never opened (refused, reset, handshake failure). */
  failed: number
  /** Phones that are done connecting: greeted with `welcome` and `current`, or failed. */
  settled: number
}

export type ToGenerator
  /** Phone j of this generator connects to urls[(offset + j) % urls.length]: round-robin over the server processes. */
  = | { type: 'connect', urls: string[], offset: number, clients: number, rampPerSecond: number }
    | { type: 'vote', rate: number, startAt: number, endAt: number, drainMs: number }
    | { type: 'report' }

export interface GeneratorReport {
  counts: SocketCounts
  peakOpen: number
  /** Every vote: its send time, and when its `ack` arrived (NaN if none did). Epoch ms, see clock.ts. */
  sentAt: number[]
  ackedAt: number[]
  /** For every vote, the index (in `urls`) of the server process its phone is connected to. */
  serverOf: number[]
  /** Phones greeted with `welcome`, by server process. */
  welcomedByServer: number[]
  /** What the presenter must show at the end: every phone's last acknowledged answer, counted. */
  tally: Tally
  /** Votes refused with an `error` carrying their ref. */
  refused: number
  /** Server `error` messages by text (refusals included). */
  errors: Record<string, number>
  unexpectedCloses: number
  /** Votes the schedule asked for while no phone had an open poll to vote on. */
  notSent: number
}

export type FromGenerator
  = | { type: 'progress', counts: SocketCounts }
    | { type: 'connected', counts: SocketCounts }
    | { type: 'voted' }
    | ({ type: 'report' } & GeneratorReport)
