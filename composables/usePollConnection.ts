import { createSharedComposable } from '@vueuse/core'
import { usePollSocket } from './usePollSocket'
import { usePresenterToken } from './usePresenterToken'

/** The deck's one socket to the poll server, shared by every poll slide and the current-poll sync. */
export const usePollConnection = createSharedComposable(() => {
  const token = usePresenterToken()
  return usePollSocket({ base: import.meta.env.BASE_URL, token, watch: true })
})
