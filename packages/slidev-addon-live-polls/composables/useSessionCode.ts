import type { Ref } from 'vue'
import { createSharedComposable, useSessionStorage } from '@vueuse/core'

/**
 * The workshop session this deck shows, from `?session=CODE` (kept for the tab, so navigation keeps it);
 * '' is the default (conference) session.
 */
export const useSessionCode = createSharedComposable((): Ref<string> => {
  const code = useSessionStorage('live-polls:session', '')
  const given = new URL(location.href).searchParams.get('session')
  if (given !== null)
    code.value = given.trim().toUpperCase()
  return code
})
