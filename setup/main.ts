import { defineAppSetup } from '@slidev/types'
import { usePresenterToken } from '../composables/usePresenterToken'

// Take the presenter token out of the address bar before any slide renders; the router would
// otherwise put it back, and it would show on the projector.
export default defineAppSetup(({ router }) => {
  usePresenterToken()
  void router.isReady().then(() => {
    const { token, ...query } = router.currentRoute.value.query
    if (token !== undefined)
      void router.replace({ query })
  })
})
