import { moderationKey } from '../../polls/normalizeText.ts'

// Open-text answers grouped: answers that read the same (the key moderation hides by) are one group.

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

/** Text groups in entry order, the first `limit` listed with their shown spelling, the rest counted. */
export function listGroups(groups: Iterable<TextGroup>, limit: number): { entries: { text: string, count: number }[], moreEntries: number } {
  const sorted = [
    ...groups,
  ].sort(compareGroups)
  const entries = sorted.slice(0, limit).map(group => ({
    text: shownSpelling(group.spellings),
    count: group.count,
  }))
  return { entries, moreEntries: sorted.length - entries.length }
}
