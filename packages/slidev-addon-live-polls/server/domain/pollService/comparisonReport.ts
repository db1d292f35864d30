import type { Comparison, ComparisonView, Poll, PollComparison } from '../../../polls/types.ts'
import type { Store } from '../../stores/store.ts'
import type { PollCaches } from './pollCaches.ts'
import { comparePoll, largeEnough } from '../compare.ts'
import { csvPieces } from '../exportResults.ts'
import { TEXT_ENTRIES_SHOWN } from '../results.ts'
import { pollPages } from './exportReport.ts'

/** A comparison's export as jsonPieces writes it: its polls compared one at a time, as each is written. */
export type ComparisonDocument = Omit<Comparison, 'polls'> & { polls: AsyncIterable<PollComparison> }

/**
 * The polls side by side across sessions (codes as stored, '' for the default), for `view` (compare.ts): each
 * group under `minGroupSize` participants withheld for that poll; an export lists every text group.
 */
export interface ComparisonReport {
  compare: (sessions: string[], minGroupSize: number, view: ComparisonView) => Promise<Comparison>
  /** The same as `compare(…, 'export')`, each poll compared as it is written: no more than one poll's comparison is held. */
  compareJson: (sessions: string[], minGroupSize: number) => Promise<ComparisonDocument>
  /** Each compared group left out of some polls (fewer than `minGroupSize` answered), with those polls, in the order compared. */
  withheld: (sessions: string[], minGroupSize: number) => Promise<{ session: string, polls: string[] }[]>
  /** Every answer of these sessions as CSV, in pieces as rows are read, one row each with its session, but only the rows a comparison shows. */
  compareCsv: (sessions: string[], minGroupSize: number) => Promise<AsyncIterable<string>>
}

const label = (code: string): string => code || 'default'

export function createComparisonReport(store: Store, polls: Poll[], caches: PollCaches): ComparisonReport {
  /**
   * The one filter of what a comparison's CSV carries: by poll id, the sessions whose rows of that poll are
   * exported (a group withheld from a poll is not; nor is any poll not in the deck).
   */
  async function comparedRows(sessions: string[], minGroupSize: number): Promise<Map<string, Set<string>>> {
    return new Map(await Promise.all(polls.map(async (poll) => {
      const sizes = await Promise.all(sessions.map(async session => (await caches.tally(session, poll.id)).answers.size))
      return [
        poll.id,
        new Set(sessions.filter((_, i) => largeEnough(sizes[i]!, minGroupSize))),
      ] as const
    })))
  }

  /** What a comparison says before its polls: the groups as asked, their names, the threshold. */
  async function comparisonHead(sessions: string[], minGroupSize: number): Promise<Omit<Comparison, 'polls'>> {
    const names = new Map((await store.sessions()).map(s => [s.code, s.name]))
    return {
      sessions: sessions.map(label),
      names: Object.fromEntries(sessions.map(code => [
        label(code),
        names.get(code) ?? null,
      ])),
      minGroupSize,
    }
  }

  /** A poll across these sessions for `view` (compare.ts); an export lists every text group. */
  async function comparedPoll(poll: Poll, sessions: string[], minGroupSize: number, view: ComparisonView): Promise<PollComparison> {
    // Everything read first, then counted in one go: no vote comes between a group's results and the combined column.
    const read = await Promise.all(sessions.map(code => Promise.all([
      caches.tally(code, poll.id),
      caches.state(code, poll.id),
    ])))
    const textLimit = view === 'export'
      ? Infinity
      : TEXT_ENTRIES_SHOWN
    return comparePoll(poll, read.map(([tally, current], i) => ({
      label: label(sessions[i]!),
      state: current,
      results: tally.results(current, textLimit),
      textGroups: () => tally.textGroups(),
    })), { minGroupSize, view, textLimit })
  }

  return {
    async compare(sessions, minGroupSize, view) {
      return {
        ...await comparisonHead(sessions, minGroupSize),
        polls: await Promise.all(polls.map(poll => comparedPoll(poll, sessions, minGroupSize, view))),
      }
    },
    async compareJson(sessions, minGroupSize) {
      return {
        ...await comparisonHead(sessions, minGroupSize),
        polls: (async function* () {
          for (const poll of polls) yield await comparedPoll(poll, sessions, minGroupSize, 'export')
        })(),
      }
    },
    async withheld(sessions, minGroupSize) {
      const shown = await comparedRows(sessions, minGroupSize)
      return sessions.map(code => ({
        session: label(code),
        polls: polls.filter(poll => !shown.get(poll.id)!.has(code)).map(poll => poll.id),
      })).filter(g => g.polls.length)
    },
    async compareCsv(sessions, minGroupSize) {
      const exported = await comparedRows(sessions, minGroupSize)
      return csvPieces(sessions.map(session => ({
        session,
        pages: pollPages(store, session, polls.filter(poll => exported.get(poll.id)?.has(session))),
      })), polls)
    },
  }
}
