import type { GeneratorReport, SocketCounts } from './protocol'
import type { Percentiles } from './stats'
import { firstAfter, percentiles } from './stats'

export interface Window {
  /** Epoch ms (clock.ts): the measured stretch of steady voting, after the warm-up. */
  from: number
  to: number
}

export interface VoteMetrics {
  /** Votes sent inside the window. */
  sent: number
  offeredPerSecond: number
  /** Acks that arrived inside the window, and per second. */
  acked: number
  ackedPerSecond: number
  ackMs: Percentiles
  presenterMs: Percentiles
  /** Vote-to-presenter for the votes on another server process than the presenter's (the first): via LISTEN/NOTIFY. */
  presenterRemoteMs: Percentiles
  /** Acked window votes after which the presenter got no `results` at all. */
  unseenByPresenter: number
  /** Over the whole run (warm-up and drain included): votes never acked nor refused, and votes refused. */
  lost: number
  refused: number
  notSent: number
  resultsPerSecond: number
}

export interface SocketMetrics extends SocketCounts {
  peakOpen: number
  unexpectedCloses: number
}

/**
 * Ack latency: send → `ack` with the same ref, both stamped in the generator process.
 * Vote-to-presenter: (arrival at the presenter of the first `results` after the vote's ack) − (the vote's send time).
 * The server broadcasts only after the vote is committed and acked, so that message is the first that can carry it;
 * the generators and the presenter stamp with the same machine clock (clock.ts).
 */
export function voteMetrics(reports: GeneratorReport[], resultsAt: number[], window: Window): VoteMetrics {
  const seconds = (window.to - window.from) / 1000
  const inWindow = (t: number): boolean => t >= window.from && t <= window.to
  const ack: number[] = []
  const presenter: number[] = []
  const remote: number[] = []
  let sent = 0
  let acked = 0
  let unanswered = 0
  let unseen = 0
  for (const report of reports) {
    report.sentAt.forEach((sentAt, i) => {
      const ackedAt = report.ackedAt[i]!
      if (Number.isNaN(ackedAt))
        unanswered += 1
      else if (inWindow(ackedAt))
        acked += 1
      if (!inWindow(sentAt))
        return
      sent += 1
      if (Number.isNaN(ackedAt))
        return
      ack.push(ackedAt - sentAt)
      const next = firstAfter(resultsAt, ackedAt)
      if (next < resultsAt.length) {
        presenter.push(resultsAt[next]! - sentAt)
        if (report.serverOf[i] !== 0)
          remote.push(resultsAt[next]! - sentAt)
      }
      else {
        unseen += 1
      }
    })
  }
  const refused = reports.reduce((n, r) => n + r.refused, 0)
  return {
    sent,
    offeredPerSecond: sent / seconds,
    acked,
    ackedPerSecond: acked / seconds,
    ackMs: percentiles(ack),
    presenterMs: percentiles(presenter),
    presenterRemoteMs: percentiles(remote),
    unseenByPresenter: unseen,
    lost: unanswered - refused,
    refused,
    notSent: reports.reduce((n, r) => n + r.notSent, 0),
    resultsPerSecond: resultsAt.filter(inWindow).length / seconds,
  }
}

export function socketMetrics(reports: GeneratorReport[]): SocketMetrics {
  const add = (pick: (r: GeneratorReport) => number): number => reports.reduce((n, r) => n + pick(r), 0)
  return {
    open: add(r => r.counts.open),
    welcomed: add(r => r.counts.welcomed),
    failed: add(r => r.counts.failed),
    settled: add(r => r.counts.settled),
    peakOpen: add(r => r.peakOpen),
    unexpectedCloses: add(r => r.unexpectedCloses),
  }
}

/** Server `error` messages seen by phones and presenter, by text. */
export function mergeErrors(all: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {}
  for (const errors of all) {
    for (const [text, n] of Object.entries(errors)) merged[text] = (merged[text] ?? 0) + n
  }
  return merged
}
