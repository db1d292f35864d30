import { createSharedComposable } from '@vueuse/core'
import * as v from 'valibot'
import { ComparedSessionsSchema } from '../polls/comparedSessions'

/**
 * The workshop sessions a plenary debrief puts side by side, from `?sessions=A,B` in the deck's address (Slidev
 * keeps the query as the slides change): their codes as typed, `default` for the default session; none (the
 * usual deck, one session live) without it or when it cannot be read.
 */
export const useComparedSessions = createSharedComposable((): readonly string[] => {
  const given = new URL(location.href).searchParams.get('sessions')
  if (given === null)
    return []
  const parsed = v.safeParse(ComparedSessionsSchema, given)
  return parsed.success
    ? parsed.output
    : []
})
