import type { IncomingMessage } from 'node:http'
import { Buffer } from 'node:buffer'
import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A token for presenter actions: 24 random bytes, URL-safe. */
export function generateToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Constant-time comparison, so a wrong token's timing tells nothing about the right one. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given)
    return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
}
