import { describe, expect, it } from 'vitest'
import { moderationKey } from './normalizeText.ts'

// A hidden answer's key is stored (SQLite's `moderation_key`, PostgreSQL's hidden keys): the key itself, not
// only which texts share one, must stay what it was, or answers hidden before an upgrade would show again.
describe('moderationKey, as stored', () => {
  it('is in small letters, look-alikes mapped to their Latin prototype', () => {
    expect(moderationKey('Straße')).toBe('strasse')
    // Cyrillic О on either side of Latin SP.
    expect(moderationKey('\u041ESP\u041E')).toBe('ospo')
    expect(moderationKey('Rude  Words')).toBe('rude words')
  })

  it('keeps three combining marks on a letter where decomposing adds more, and the letter', () => {
    // ǻ is a with ring and acute: with two more acutes it decomposes to four marks on the a.
    expect(moderationKey('\u01FB\u0301\u0301')).toBe('a\u030A\u0301\u0301')
  })
})
