// What a text must hold to be stored and shown. Each test is one character class matched once per character:
// linear on any input, nothing to backtrack.

// With the u flag a pair of UTF-16 surrogates is one code point; only a lone half matches \p{Surrogate}.
const loneSurrogate = /\p{Surrogate}/u
// U+FDD0–U+FDEF and the last two code points of every plane: reserved for a program's own use, never text.
const noncharacter = /\p{Noncharacter_Code_Point}/u
// A character that shows: not whitespace, not default-ignorable, not a Hangul filler (U+115F, U+1160, U+3164,
// U+FFA0: blank glyphs, some of them not default-ignorable), not the braille blank U+2800.
const visible = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/u

/**
 * Whether a text is well-formed Unicode: JSON can carry half of a surrogate pair ("\ud800"), which is no
 * character; PostgreSQL refuses it, and stored elsewhere it comes back out as garbage.
 */
export const isWellFormedText = (text: string): boolean => !loneSurrogate.test(text)

/** Whether a text holds a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …). */
export const hasNoncharacter = (text: string): boolean => noncharacter.test(text)

/** Whether a text shows anything: one made only of spaces, invisible characters and blank glyphs counts as empty. */
export const showsSomething = (text: string): boolean => visible.test(text)
