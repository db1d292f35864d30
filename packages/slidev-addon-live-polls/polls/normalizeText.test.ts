import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { moderationKey, normalizeAnswerText } from './normalizeText.ts'

describe('normalizeAnswerText', () => {
  it('unifies compatibility forms, drops invisible characters and collapses whitespace', () => {
    expect(normalizeAnswerText('  ＯＳＰＯ\u00A0\u00A0rules\t\n')).toBe('OSPO rules')
    for (const invisible of [
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u202E',
      '\u2066',
      '\u200E',
      '\u180E',
      '\u3164',
      '\uFE0F',
      '\u0007',
      '\u0085',
    ])
      expect(normalizeAnswerText(`os${invisible}po`), JSON.stringify(invisible)).toBe('ospo')
    expect(normalizeAnswerText('\u200B \u200B')).toBe('')
    // What stood either side of an invisible character composes: e + [ZWSP] + combining acute is é.
    expect(normalizeAnswerText('caf' + 'e\u200B\u0301')).toBe('café')
  })

  it('keeps at most three combining marks on a character, and the words of scripts that stack marks', () => {
    expect(normalizeAnswerText(`q${'\u0301'.repeat(200)}x`)).toBe('q\u0301\u0301\u0301x')
    expect(normalizeAnswerText(`q${'\u0316'.repeat(9)} b\u20DD\u20DD\u20DD\u20DD`)).toBe('q\u0316\u0316\u0316 b\u20DD\u20DD\u20DD')
    // Marks that compose with their letter are no longer marks: é + 3 marks keeps all three.
    expect(normalizeAnswerText('e\u0301\u0302\u0303\u0304')).toBe('é\u0302\u0303\u0304')
    const stacked = [
      'ज़िंदगी', // Hindi: nukta, vowel sign and anusvara on one letter
      'กั้น', // Thai: vowel and tone mark
      'Tiếng Việt', // Vietnamese
      'שָׁלוֹם', // Hebrew with points
      'مُحَمَّد', // Arabic with vowel marks and shadda
    ]
    for (const word of stacked)
      expect(normalizeAnswerText(word), word).toBe(word.normalize('NFKC'))
  })

  it('caps a run of 10,000 combining marks in linear time', () => {
    const marks = `x${'\u0316'.repeat(10_000)}y`
    const started = performance.now()
    expect(normalizeAnswerText(marks)).toBe('x\u0316\u0316\u0316y')
    const ms = performance.now() - started
    // Half as many marks must take about half as long: no worse than linear (generous for a busy machine).
    const half = `x${'\u0316'.repeat(5_000)}y`
    const halfStarted = performance.now()
    normalizeAnswerText(half)
    console.log(`normalizeAnswerText on 10,000 combining marks: ${ms.toFixed(2)} ms (5,000: ${(performance.now() - halfStarted).toFixed(2)} ms)`)
    expect(ms).toBeLessThan(100)
  })

  it('keeps what a reader sees: letters of any script, case, punctuation', () => {
    expect(normalizeAnswerText('Открытый код — Ελλάδα <b>x</b>')).toBe('Открытый код — Ελλάδα <b>x</b>')
  })

  it('is idempotent, so a stored answer validates to itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const once = normalizeAnswerText(text)
      expect(normalizeAnswerText(once)).toBe(once)
    }), { numRuns: 2000 })
  })

  it('takes linear time on long input of any character', () => {
    const long = `${'\u200B \t'.repeat(50_000)}x`
    const started = performance.now()
    expect(normalizeAnswerText(long)).toBe('x')
    const ms = performance.now() - started
    console.log(`normalizeAnswerText on ${long.length} characters: ${ms.toFixed(1)} ms`)
    expect(ms).toBeLessThan(500)
  })
})

describe('moderationKey', () => {
  it('is the same for a text and its disguises', () => {
    const disguises = [
      'OSPO',
      'ospo',
      'ospo\u200B', // zero-width space
      'os\u2060po', // word joiner
      'os\u200Dpo', // zero-width joiner
      '\u202Eospo', // right-to-left override
      'оspo', // Cyrillic о
      'ОSРО', // Cyrillic О, Р
      'οspο', // Greek ο
      'ＯＳＰＯ', // full width
      ' ospo ',
      '0SP0', // digits for letters
    ]
    for (const text of disguises)
      expect(moderationKey(text), JSON.stringify(text)).toBe(moderationKey('OSPO'))
    expect(moderationKey('КILL')).toBe(moderationKey('kill')) // Cyrillic capital К
    expect(moderationKey('уes')).toBe(moderationKey('YES')) // Cyrillic small у
    expect(moderationKey('Straße')).toBe(moderationKey('STRASSE'))
    expect(moderationKey('rude  words')).toBe(moderationKey('Rude words'))
  })

  it('tells different texts apart', () => {
    expect(moderationKey('ospo')).not.toBe(moderationKey('ospa'))
    expect(moderationKey('open source')).not.toBe(moderationKey('opensource'))
    expect(moderationKey('код')).not.toBe(moderationKey('kod'))
  })

  it('is its own key where decomposing adds marks (fast-check found Myanmar "ဪ")', () => {
    const key = moderationKey('ဪ')
    expect(moderationKey(key)).toBe(key)
  })

  it('ignores case and is a fixed point: a key is its own key', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const key = moderationKey(text)
      expect(moderationKey(text.toUpperCase())).toBe(key)
      expect(moderationKey(text.toLowerCase())).toBe(key)
      expect(moderationKey(key)).toBe(key)
    }), { numRuns: 2000 })
  })
})
