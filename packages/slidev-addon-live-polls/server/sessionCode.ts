import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: a code read aloud or off a projector is typed right the first time. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function generateSessionCode(length = 6): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/** A code as people type it (any case, stray spaces) in its canonical form; undefined if it cannot be one. */
export function normalizeSessionCode(input: string): string | undefined {
  const code = input.trim().toUpperCase()
  return code.length >= 4 && code.length <= 12 && [...code].every(c => CODE_ALPHABET.includes(c))
    ? code
    : undefined
}
