import type { Comparison } from '../../polls/types.ts'
import * as v from 'valibot'
import { ComparedSessionsSchema } from '../../polls/comparedSessions.ts'
import { normalizeSessionCode, sessionCodeOf } from './sessionCode.ts'

export type ComparedCodes
  = | { ok: true, codes: string[] }
    /** 400: not a list of codes; 404: codes that are no session (a failed look-up). */
    | { ok: false, status: 400 | 404, error: string }

/**
 * `?sessions=A,B` or `--sessions A,B` as typed: the codes as stored ('' for `default`), in the order given, or one
 * message naming every code that is no session (a wrong one among several is found in one go).
 */
export async function comparedCodes(typed: string, hasSession: (code: string) => Promise<boolean>): Promise<ComparedCodes> {
  const given = v.safeParse(ComparedSessionsSchema, typed)
  if (!given.success)
    return { ok: false, status: 400, error: given.issues[0].message }
  // Typed in any case: k7mpx2 and K7MPX2 are one group, compared once.
  const codes = [
    ...new Set(given.output.map(sessionCodeOf)),
  ]
  const unknown: string[] = []
  for (const code of codes) {
    if (!await hasSession(code))
      unknown.push(code)
  }
  return unknown.length
    ? { ok: false, status: 404, error: `unknown session${unknown.length > 1
        ? 's'
        : ''}: ${unknown.join(', ')}` }
    : { ok: true, codes }
}

/**
 * `--session CODE` of a CLI (default: the default session) as stored, after checking that `--sessions` is not
 * given too; `fail` ends the command with a message.
 */
export function sessionArg(values: { session?: string, sessions?: string }, fail: (message: string) => never): string {
  if (values.session !== undefined && values.sessions !== undefined)
    fail('--session or --sessions, not both')
  const typed = values.session ?? 'default'
  return typed === 'default'
    ? ''
    : normalizeSessionCode(typed) ?? fail(`"${typed}" is not a session code`)
}

/** A group as people know it: the facilitator's name for it, else its code. */
export function groupName(comparison: Pick<Comparison, 'names'>, label: string): string {
  return comparison.names[label] ?? label
}
