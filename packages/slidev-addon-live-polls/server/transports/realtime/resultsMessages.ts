import type { HiddenResults, PollResults, ServerMessage } from '../../../polls/types.ts'
import type { PollService } from '../../domain/pollService.ts'

/**
 * Each poll's results message as sent, per session and view: serialised once per change (by the flush or the
 * first hello after it), never per hello. A change drops its poll's messages; a deleted session all of its own.
 */
export interface ResultsMessages {
  /** The results message for a presenter (full) or the audience (public), read and serialised at most once per change. */
  text: (session: string, poll: string, presenter: boolean) => Promise<string>
  /**
   * Whether `text` is still the latest read of its poll's results. A change drops the read it outdates, and sets
   * off a flush that sends every watcher newer results: a read that finishes after that flush (reads finish in
   * any order) must not be sent after it, or a screen would go back to older counts until the next change.
   */
  isLatest: (session: string, poll: string, presenter: boolean, text: Promise<string>) => boolean
  forget: (session: string, poll: string) => void
}

export function createResultsMessages(service: Pick<PollService, 'results' | 'publicResults'>): ResultsMessages {
  const serialised = new Map<string, { full?: Promise<string>, public?: Promise<string> }>()
  const key = (session: string, poll: string): string => `${session}\n${poll}`

  return {
    text(session, poll, presenter) {
      let entry = serialised.get(key(session, poll))
      if (!entry) {
        entry = {}
        serialised.set(key(session, poll), entry)
      }
      const view = presenter
        ? 'full'
        : 'public'
      const found = entry[view]
      if (found)
        return found
      const read: Promise<PollResults | HiddenResults> = presenter
        ? service.results(session, poll)
        : service.publicResults(session, poll)
      const text = read.then(results => JSON.stringify({ type: 'results', results } satisfies ServerMessage))
      const kept = entry
      kept[view] = text
      // A read that failed is not kept (the service keeps none either): the next hello or change reads again.
      text.catch(() => {
        if (kept[view] === text)
          delete kept[view]
      })
      return text
    },
    isLatest(session, poll, presenter, text) {
      const entry = serialised.get(key(session, poll))
      return (presenter
        ? entry?.full
        : entry?.public) === text
    },
    forget: (session, poll) => void serialised.delete(key(session, poll)),
  }
}
