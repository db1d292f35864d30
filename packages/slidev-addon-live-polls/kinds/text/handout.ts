import type { KindHandout } from '../shared/handout.ts'
import type { TextEntry, TextPoll, TextResults } from './definition.ts'
import { chart } from '../shared/handout.ts'

/** Text answers listed per poll in a session's appendix (about five pages); the rest are counted in one line. */
export const TEXT_ROWS = 200

const collators = new Map<string, Intl.Collator>()

// Quotes, dashes and the like in front of an answer do not decide where it is listed.
const LEADING_MARKS = /^[\p{P}\p{S}\s]+/u

/**
 * A session's appendix lists its answers most frequent first; equal counts alphabetically, ignoring leading
 * punctuation, then as typed. (A compared handout's tables list them as the console and the projector do, in the
 * server's order: polls/comparisonTable.ts.)
 */
export function sortTextEntries(entries: TextEntry[], lang = 'en'): TextEntry[] {
  let collator = collators.get(lang)
  if (!collator)
    collators.set(lang, collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true }))
  return entries.map(e => ({
    entry: e,
    key: e.text.replace(LEADING_MARKS, ''),
  })).sort((a, b) =>
    b.entry.count - a.entry.count
    || collator.compare(a.key, b.key)
    || (a.entry.text < b.entry.text
      ? -1
      : a.entry.text > b.entry.text
        ? 1
        : 0)).map(({ entry }) => entry)
}

/** The first TEXT_ROWS answers as bars, the rest counted in a line. */
export const handout: KindHandout<TextPoll, TextResults> = {
  label: 'kinds.text.handout.label',
  comparedLabel: 'kinds.text.handout.compared',
  body(_poll, results, m) {
    const entries = sortTextEntries(results.entries, m.lang)
    if (!entries.length)
      return `<p class="total">${m.t('handout.noAnswers')}</p>`
    const listed = entries.slice(0, TEXT_ROWS)
    const left = entries.length - listed.length + results.moreEntries
    const most = listed[0]!.count
    const fewest = listed.at(-1)!.count
    const participants = m.t('handout.participants', { n: fewest })
    const rarest = fewest > 1
      ? m.t('handout.orFewer', { participants })
      : participants
    return chart(listed.map(e => ({
      label: e.text,
      share: e.count / most,
      value: m.number(e.count),
    }))) + (left
      ? `<p class="total">${m.t('handout.textsLeft', { n: left, rarest })} ${m.t('handout.exportsAll', { command: '<code>npm run results</code>' })}</p>`
      : '')
  },
}
