import type { Ref } from 'vue'
import { createSharedComposable, useLocalStorage } from '@vueuse/core'

/**
 * The presenter token, taken once from `?token=` (the link the server prints) into localStorage and
 * removed from the address bar, so it is not shown on the projector or shared by copy-paste.
 */
export const usePresenterToken = createSharedComposable((): Ref<string> => {
  const token = useLocalStorage('ospo-presenter-token', '')
  const url = new URL(location.href)
  const given = url.searchParams.get('token')
  if (given) {
    token.value = given
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url)
  }
  return token
})
