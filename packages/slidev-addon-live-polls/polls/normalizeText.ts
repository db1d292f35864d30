import unhomoglyph from 'unhomoglyph'

// Characters that show nothing: format characters (zero-width space and joiners, word joiner, BOM, bidi
// controls, soft hyphen), the other default-ignorables (fillers, variation selectors) and the control
// characters that are not whitespace (whitespace is collapsed below instead). One character class,
// matched once per character: no backtracking. ESLint's no-control-regex is about accidental control
// characters; these are on purpose.
// eslint-disable-next-line no-control-regex
const invisible = /[\0-\x08\x0E-\x1F\x7F-\x9F\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

// Combining marks beyond the third on one character: stacked by the hundred they draw a bar through the
// slide above and below the answer. Three keep every real word (Hindi "ज़िंदगी" has a nukta, a vowel sign and
// an anusvara on one letter; Thai a vowel and a tone mark). Each position tries at most four marks and
// nothing can be tried another way: linear however long the run.
const extraMarks = /(\p{M}{3})\p{M}+/gu

/**
 * An open-text answer as it is stored and shown: compatibility forms unified (NFKC: full-width letters,
 * ligatures, non-breaking spaces), invisible characters removed, at most three combining marks on a
 * character, whitespace runs made one space, trimmed.
 */
export function normalizeAnswerText(text: string): string {
  // Removed before NFKC, so that what was on either side of an invisible character composes; marks counted
  // after it, so that those which compose with their letter do not count.
  return text.replace(invisible, '').normalize('NFKC').replace(extraMarks, '$1').replace(/\s+/g, ' ').trim()
}

/**
 * Unicode TR39 skeleton (look-alikes mapped to one prototype, e.g. Cyrillic "о" and Greek "ο" to "o"),
 * decomposed with NFKD rather than TR39's NFD: some prototypes are compatibility forms ("%" is "º/₀").
 */
const skeleton = (text: string): string => unhomoglyph(text.normalize('NFKD')).normalize('NFKD')

const capitals = (text: string): string => skeleton(text.toUpperCase())
const small = (text: string): string => skeleton(text.toLowerCase())

// Each step maps single code points (the confusable data's sources are single code points), so a key is
// built a character at a time from folds kept as characters are met: aggregation keys every answer of a
// poll on each update, and one lookup per character is several times cheaper than three passes over the
// text. Capped, so that texts made of ever new code points cannot grow it without bound.
const folds = new Map<string, string>()
function fold(char: string): string {
  let folded = folds.get(char)
  if (folded === undefined) {
    folded = capitals(small(capitals(char))).toLowerCase()
    if (folds.size < 20_000)
      folds.set(char, folded)
  }
  return folded
}

/**
 * What moderation and grouping compare: answers with the same key read the same to an audience. Not for
 * display ("m" becomes "rn"). TR39's confusable data is case-sensitive: Cyrillic "К" looks like "K" but
 * small "к" like no Latin letter, small "у" looks like "y" but capital "У" does not. So the skeleton is
 * taken of the capitals, of the small letters, and of the capitals again, which makes the key
 * case-insensitive (with full case mapping: "ß" and "SS") and a key its own key.
 */
export function moderationKey(text: string): string {
  let key = ''
  for (const char of normalizeAnswerText(text).normalize('NFKD'))
    key += fold(char)
  // NFKD again orders the combining marks of neighbouring folds; a few prototypes hold whitespace ("🅭").
  // Decomposing can add marks to a character (Myanmar "ဪ" holds two): limited again, so a key is its own key.
  return key.normalize('NFKD').replace(extraMarks, '$1').replace(/\s+/g, ' ')
}
