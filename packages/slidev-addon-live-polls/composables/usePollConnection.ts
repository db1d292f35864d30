import { createSharedComposable } from '@vueuse/core'
import { withBase } from '../logic/withBase'
import { usePollSocket } from './usePollSocket'
import { usePresenterToken } from './usePresenterToken'
import { useSessionCode } from './useSessionCode'

/**
 * The deck's one socket to the poll server, shared by every poll slide and the current-poll sync.
 * It connects only once the server has answered, so a static deck with no server stays quiet.
 */
export const usePollConnection = createSharedComposable(() => {
  const { token } = usePresenterToken()
  const session = useSessionCode()
  const socket = usePollSocket({
    base: import.meta.env.BASE_URL,
    session: session.value,
    token,
    watch: true,
    immediate: false,
  })
  fetch(withBase('api/health'), {
    signal: AbortSignal.timeout(3000),
  })
    .then(async res => res.ok && (await res.json() as { ok?: boolean }).ok && socket.open())
    .catch(() => {})
  return socket
})
