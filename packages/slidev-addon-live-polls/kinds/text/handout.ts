import type { KindHandout } from '../shared/handout.ts'
import type { TextEntry, TextPoll, TextResults } from './definition.ts'
import { plural } from '../../i18n/plural.ts'
import { chart, counted } from '../shared/handout.ts'

/** Text answers listed per poll in a session's appendix (about five pages); the rest are counted in one line. */
export const TEXT_ROWS = 200

const numbers = new Intl.NumberFormat('en')
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

// Quotes, dashes and the like in front of an answer do not decide where it is listed.
const LEADING_MARKS = /^[\p{P}\p{S}\s]+/u

/**
 * A session's appendix lists its answers most frequent first; equal counts alphabetically, ignoring leading
 * punctuation, then as typed. (A compared handout's tables list them as the console and the projector do, in the
 * server's order: polls/comparisonTable.ts.)
 */
export function sortTextEntries(entries: TextEntry[]): TextEntry[] {
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
  label: 'open text, equal answers grouped',
  comparedLabel: 'open text, equal answers grouped: each group\'s most frequent answers with their counts',
  body(_poll, results) {
    const entries = sortTextEntries(results.entries)
    if (!entries.length)
      return '<p class="total">No answers.</p>'
    const listed = entries.slice(0, TEXT_ROWS)
    const left = entries.length - listed.length + results.moreEntries
    const most = listed[0]!.count
    const fewest = listed.at(-1)!.count
    const rarest = `${counted(fewest, 'participant', 'participants')}${fewest > 1
      ? ' or fewer'
      : ''}`
    return chart(listed.map(e => ({
      label: e.text,
      share: e.count / most,
      value: String(e.count),
    }))) + (left
      ? `<p class="total">${plural('en', left, {
        one: `1 more answer (given by ${rarest}) is not listed here;`,
        other: `${numbers.format(left)} more answers (each given by ${rarest}) are not listed here;`,
      })} <code>npm run results</code> exports every answer.</p>`
      : '')
  },
}
