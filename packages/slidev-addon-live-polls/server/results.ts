import type { Answer, HiddenResults, Poll, PollResults, PollState, TextEntry } from '../polls/types.ts'
import { moderationKey } from '../polls/normalizeText.ts'
import { scalePoints } from '../polls/scalePoints.ts'

/**
 * How many text groups live results carry (the rest is counted in `moreEntries`; exports list all). The
 * word cloud draws 60 and lists 5 long answers, so 100 fill any slide with room to spare and bound a
 * broadcast however many answers a poll holds: a few KB as a room types, ~60 KB at most (200 characters each).
 */
export const TEXT_ENTRIES_SHOWN = 100

/** What open-text answers are grouped by: the key moderation hides by, so a group is hidden whole. */
export const textKey = moderationKey

/** `textKey` with each distinct spelling keyed once: a word cloud repeats words, and a key takes a pass over the text. */
export function createTextKeys(): { of: (text: string) => string, forget: (text: string) => void } {
  const keys = new Map<string, string>()
  return {
    of(text) {
      let key = keys.get(text)
      if (key === undefined)
        keys.set(text, key = textKey(text))
      return key
    },
    forget: text => keys.delete(text),
  }
}

/** A text group: its key, how many answered it, and how often each spelling was used. */
export interface TextGroup {
  key: string
  count: number
  spellings: ReadonlyMap<string, number>
}

/** The spelling a group is shown as: its most used, on a tie the first in code-unit order ("Skills" before "skills"). */
export function shownSpelling(spellings: ReadonlyMap<string, number>): string {
  let shown = ''
  let most = 0
  for (const [text, n] of spellings) {
    if (n > most || (n === most && text < shown)) {
      shown = text
      most = n
    }
  }
  return shown
}

/**
 * Entry order: most frequent first, then by key in code-unit order (keys are decomposed and folded, so
 * "ärende" sits by "arende"); keys are unique, so the order is total. A locale's collation would cost
 * ten times as much, and a poll's first count compares each group about log2(groups) times.
 */
export function compareGroups(a: Pick<TextGroup, 'key' | 'count'>, b: Pick<TextGroup, 'key' | 'count'>): number {
  return b.count - a.count || (a.key < b.key
    ? -1
    : a.key > b.key
      ? 1
      : 0)
}

function countOptions(ids: string[], answers: Answer[]): Record<string, number> {
  const counts = Object.fromEntries(ids.map(id => [id, 0]))
  for (const answer of answers) {
    for (const id of Array.isArray(answer)
      ? answer
      : [
          String(answer),
        ]) {
      if (id in counts)
        counts[id]! += 1
    }
  }
  return counts
}

/** Groups answers that read the same (the key moderation hides by), the first `limit` groups listed. */
function groupTexts(answers: Answer[], limit: number): { entries: TextEntry[], moreEntries: number } {
  const groups = new Map<string, TextGroup & { spellings: Map<string, number> }>()
  const keys = createTextKeys()
  for (const answer of answers) {
    const text = String(answer)
    const key = keys.of(text)
    let group = groups.get(key)
    if (!group) {
      groups.set(key, group = {
        key,
        count: 0,
        spellings: new Map(),
      })
    }
    group.count += 1
    group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1)
  }
  return listGroups(groups.values(), limit)
}

/** Text groups in entry order, the first `limit` listed with their shown spelling, the rest counted. */
export function listGroups(groups: Iterable<TextGroup>, limit: number): { entries: TextEntry[], moreEntries: number } {
  const sorted = [
    ...groups,
  ].sort(compareGroups)
  const entries = sorted.slice(0, limit).map(group => ({
    text: shownSpelling(group.spellings),
    count: group.count,
  }))
  return { entries, moreEntries: sorted.length - entries.length }
}

/** Option ids by Borda points, best first; a tie keeps the poll's order. */
export function rankingOrder(ids: string[], scores: Record<string, number>): string[] {
  return [...ids].sort((a, b) => scores[b]! - scores[a]! || ids.indexOf(a) - ids.indexOf(b))
}

/**
 * Aggregates stored answers (one per participant) into what a chart shows, counting afresh: the reference that
 * the running counts of counts.ts (live results, exports) and comparisons' combined columns are tested against.
 */
export function aggregate(poll: Poll, state: PollState, answers: Answer[], textLimit = Infinity): PollResults {
  const base = { id: poll.id, participants: answers.length, ...state }
  switch (poll.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        kind: poll.kind,
        counts: countOptions(poll.options.map(o => o.id), answers),
      }
    case 'scale': {
      const points = scalePoints(poll).map(String)
      const sum = answers.reduce<number>((total, answer) => total + Number(answer), 0)
      const mean = answers.length
        ? Math.round((sum / answers.length) * 100) / 100
        : null
      return {
        ...base,
        kind: 'scale',
        counts: countOptions(points, answers),
        mean,
      }
    }
    case 'text':
      return {
        ...base,
        kind: 'text',
        ...groupTexts(answers, textLimit),
      }
    case 'ranking': {
      const ids = poll.options.map(o => o.id)
      const scores = Object.fromEntries(ids.map(id => [id, 0]))
      for (const answer of answers) {
        (answer as string[]).forEach((id, position) => {
          if (id in scores)
            scores[id]! += ids.length - 1 - position
        })
      }
      return {
        ...base,
        kind: 'ranking',
        scores,
        order: rankingOrder(ids, scores),
      }
    }
  }
}

/** What an audience sees of results not yet revealed: only how many have answered, so nothing is aggregated for it. */
export function hiddenResults(poll: Poll, state: PollState, participants: number): HiddenResults {
  return {
    id: poll.id,
    kind: poll.kind,
    participants,
    open: state.open,
    revealed: state.revealed,
    hidden: true,
  }
}
