import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: a code read aloud or off a projector is typed right the first time. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function generateSessionCode(length = 6): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/**
 * A session as typed where `default` names the default session: its code as stored ('' for the default), or, if
 * it cannot be a code, the text as typed, so that it is refused as unknown under the name it was given.
 */
export function sessionCodeOf(typed: string): string {
  return typed === 'default'
    ? ''
    : normalizeSessionCode(typed) ?? typed
}

/** A code as people type it (any case, stray spaces) in its canonical form; undefined if it cannot be one. */
export function normalizeSessionCode(input: string): string | undefined {
  const code = input.trim().toUpperCase()
  return code.length >= 4 && code.length <= 12 && [...code].every(c => CODE_ALPHABET.includes(c))
    ? code
    : undefined
}
