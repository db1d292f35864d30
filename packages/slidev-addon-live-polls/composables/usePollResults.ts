import type { ComputedRef } from 'vue'
import type { HiddenResults, PollResults } from '../polls/types'
import { computed, onMounted, ref } from 'vue'
import { withBase } from '../logic/withBase'
import { sessionQuery } from '../polls/sessionQuery'
import { usePollConnection } from './usePollConnection'
import { useSessionCode } from './useSessionCode'

export interface UsePollResultsOptions {
  /** Live updates over the shared socket; off when printing, where one fetch is all there is. */
  live?: boolean
}

export interface UsePollResultsReturn {
  results: ComputedRef<PollResults | HiddenResults | null>
  /** False while no poll server answers (static build, PDF without a server, server down). */
  online: ComputedRef<boolean>
  presenter: ComputedRef<boolean>
}

/** A poll's results: fetched once (so exports carry them), then kept live by the shared socket. */
export function usePollResults(id: string, options: UsePollResultsOptions = {}): UsePollResultsReturn {
  const session = useSessionCode()
  const fetched = ref<PollResults | HiddenResults | null>(null)
  const online = ref(false)
  const connection = options.live === false
    ? null
    : usePollConnection()

  onMounted(async () => {
    try {
      const res = await fetch(withBase(`api/polls/${id}/results${sessionQuery(session.value)}`), {
        signal: AbortSignal.timeout(3000),
      })
      if (res.ok && res.headers.get('content-type')?.includes('json')) {
        fetched.value = await res.json() as PollResults | HiddenResults
        online.value = true
      }
    }
    catch {
      // No server: the slide shows the question and a calm placeholder instead.
    }
  })

  return {
    results: computed(() => connection?.results.value[id] ?? fetched.value),
    online: computed(() => online.value || connection?.status.value === 'OPEN'),
    presenter: computed(() => connection?.presenter.value ?? false),
  }
}
