import type SortedBTree from 'sorted-btree'
import type { Answer } from '../../polls/types.ts'
import type { Counted, KindCounting } from '../shared/logic.ts'
import type { TextPoll, TextResults } from './definition.ts'
import type { TextGroup } from './groups.ts'
import { createRequire } from 'node:module'
import { compareGroups, createTextKeys, listGroups, shownSpelling } from './groups.ts'

// sorted-btree is CommonJS with its class as `exports.default`, which ESM loaders hand over differently (Node's
// own, which the dev server's bundled Vite config uses for packages, gives the exports object); required, it is one.
let BTree: typeof SortedBTree | undefined
const btree = (): typeof SortedBTree => BTree ??= (createRequire(import.meta.url)('sorted-btree') as { default: typeof SortedBTree }).default

interface LiveGroup extends TextGroup {
  spellings: Map<string, number>
  /** The spelling shown, worked out when results are next read after a change. */
  shown?: string
}

/** Text groups by key, and the same groups in entry order (a B+ tree): the first `limit` are read without sorting them all. */
function textCounts(limit: number, answers: Iterable<Answer>) {
  const groups = new Map<string, LiveGroup>()
  const order = new (btree())<LiveGroup, undefined>(undefined, compareGroups)
  const keys = createTextKeys()
  // While the first answers are counted, groups are put in order once at the end, not moved at each answer.
  let counting = true
  const change = (answer: Answer, by: number): void => {
    const text = String(answer)
    const key = keys.of(text)
    let group = groups.get(key)
    if (!group) {
      if (by < 0)
        return
      groups.set(key, group = {
        key,
        count: 0,
        spellings: new Map(),
      })
    }
    else if (!counting) {
      order.delete(group) // its place depends on its count: taken out before the count changes
    }
    group.count += by
    const spelled = (group.spellings.get(text) ?? 0) + by
    if (spelled > 0) {
      group.spellings.set(text, spelled)
    }
    else {
      group.spellings.delete(text)
      keys.forget(text)
    }
    group.shown = undefined
    if (group.count <= 0)
      groups.delete(key)
    else if (!counting)
      order.set(group, undefined)
  }
  for (const answer of answers) change(answer, 1)
  for (const group of groups.values()) order.set(group, undefined)
  counting = false
  return { groups, order, change }
}

/**
 * Text groups of several groups merged by key: counts and spellings added, no answer keyed again. A text only one
 * group wrote is its group as counted, read, not copied (most texts, in a big open question); one several wrote
 * gets a new sum (at most one per group compared).
 */
function mergedTexts(parts: Counted[]): Iterable<TextGroup> {
  const merged = new Map<string, TextGroup>()
  for (const part of parts) {
    for (const group of part.textGroups()) {
      const into = merged.get(group.key)
      if (!into) {
        merged.set(group.key, group)
        continue
      }
      const spellings = new Map(into.spellings)
      for (const [text, n] of group.spellings) spellings.set(text, (spellings.get(text) ?? 0) + n)
      merged.set(group.key, { key: group.key, count: into.count + group.count, spellings })
    }
  }
  return merged.values()
}

/** Answers grouped as they read (moderation's key), most frequent first. */
export const counting: KindCounting<TextPoll, TextResults> = {
  count(_poll, answers, limit) {
    const { groups, order, change } = textCounts(limit, answers)
    return {
      add: answer => change(answer, 1),
      remove: answer => change(answer, -1),
      results(base, shown = limit) {
        const entries = []
        for (const group of order.keys()) {
          if (entries.length >= shown)
            break
          entries.push({ text: group.shown ??= shownSpelling(group.spellings), count: group.count })
        }
        return {
          ...base,
          kind: 'text',
          entries,
          moreEntries: groups.size - entries.length,
        }
      },
      textGroups: () => groups.values(),
    }
  },
  combine: (_poll, base, parts, textLimit) => ({
    ...base,
    kind: 'text',
    ...listGroups(mergedTexts(parts), textLimit),
  }),
  answerText: answer => String(answer),
}
