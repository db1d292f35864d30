import { showPresenterCursor } from '@slidev/client/state/storage.ts'
import { defineAppSetup } from '@slidev/types'
import { useClickerSafeControls } from '../composables/useClickerSafeControls'
import { usePresenterToken } from '../composables/usePresenterToken'

// Slidev mirrors the presenter's mouse pointer onto the projector by default, where it stays over later
// slides and covers words. Off until the presenter turns it on (toolbar), which is then remembered.
const CURSOR_CHOSEN = 'deck-presenter-cursor-chosen'

// Take the presenter token out of the address bar before any slide renders; the router would
// otherwise put it back, and it would show on the projector.
export default defineAppSetup(({ router }) => {
  if (localStorage.getItem(CURSOR_CHOSEN) === null) {
    showPresenterCursor.value = false
    localStorage.setItem(CURSOR_CHOSEN, '1')
  }
  usePresenterToken()
  useClickerSafeControls()
  void router.isReady().then(() => {
    const { token, ...query } = router.currentRoute.value.query
    if (token !== undefined)
      void router.replace({ query })
  })
})
