import type { ShallowRef } from 'vue'
import type { Comparison } from '../polls/types'
import { useNav } from '@slidev/client'
import { createSharedComposable, useDebounceFn, useIntervalFn } from '@vueuse/core'
import { shallowRef, watch } from 'vue'
import { withBase } from '../logic/withBase'
import { useComparedSessions } from './useComparedSessions'
import { usePollConnection } from './usePollConnection'
import { usePresenterToken } from './usePresenterToken'

/** Why there is no comparison to show: no presenter token here yet, or the server's refusal ("unknown sessions: X"). */
export type ComparisonProblem = { reason: 'token' } | { reason: 'refused', error: string } | { reason: 'offline' }

export interface UseComparisonReturn {
  comparison: ShallowRef<Comparison | null>
  problem: ShallowRef<ComparisonProblem | null>
}

/** How often the groups are read again while the deck is open: answers may still arrive in any of them. */
const REFRESH_MS = 5000

/**
 * The compared sessions' results (`?sessions=`), one request for every poll of the deck, shared by the poll
 * slides. It needs the presenter token (the projector's browser keeps it), is read again every few seconds
 * and soon after the deck's own socket reports new results; a refusal that waiting cannot mend (unknown
 * codes) stops the reading.
 */
export const useComparison = createSharedComposable((): UseComparisonReturn => {
  const sessions = useComparedSessions()
  const { token } = usePresenterToken()
  const { isPrintMode } = useNav()
  const comparison = shallowRef<Comparison | null>(null)
  const problem = shallowRef<ComparisonProblem | null>(null)
  let latest = 0
  // Set below, once `load` exists for the interval to call.
  let stop = (): void => {}

  async function load(): Promise<void> {
    if (!token.value) {
      problem.value = { reason: 'token' }
      return
    }
    const run = ++latest
    try {
      const res = await fetch(withBase(`api/compare?sessions=${sessions.map(encodeURIComponent).join(',')}&view=projector`), {
        headers: { authorization: `Bearer ${token.value}` },
        signal: AbortSignal.timeout(5000),
      })
      if (run !== latest)
        return
      if (res.ok) {
        comparison.value = await res.json() as Comparison
        problem.value = null
        return
      }
      if (res.status === 401) {
        problem.value = { reason: 'token' }
        return
      }
      const error = await res.json().then((body: { error?: string }) => body.error, () => undefined) ?? `${res.status} ${res.statusText}`
      problem.value = { reason: 'refused', error }
      // Unknown codes or a malformed list stay so: asking again would only spend the address's look-up budget.
      if (res.status === 400 || res.status === 404)
        stop()
    }
    catch {
      if (run === latest && !comparison.value)
        problem.value = { reason: 'offline' }
    }
  }

  stop = useIntervalFn(load, REFRESH_MS, { immediate: !isPrintMode.value }).pause
  watch(token, load, { immediate: true })
  // The deck's own socket follows one session: a change there is a hint to read sooner, not the whole story.
  if (!isPrintMode.value) {
    const { results } = usePollConnection()
    const soon = useDebounceFn(load, 500)
    watch(results, () => void soon())
  }
  return { comparison, problem }
})
