import type { Ref } from 'vue'
import { createSharedComposable, useBroadcastChannel } from '@vueuse/core'
import { ref, watch } from 'vue'

export interface JoinOverlay {
  shown: Ref<boolean>
  toggle: () => void
}

/**
 * Whether the join screen covers the slides. Pressed in the presenter view, it shows on the projector: the
 * windows of one browser share it over a BroadcastChannel, as Slidev's own built deck syncs its windows.
 */
export const useJoinOverlay = createSharedComposable((): JoinOverlay => {
  const shown = ref(false)
  const { data, post, isSupported } = useBroadcastChannel<boolean, boolean>({ name: 'live-polls:join-overlay' })
  watch(data, value => (shown.value = value))
  function toggle(): void {
    shown.value = !shown.value
    if (isSupported.value)
      post(shown.value)
  }
  return { shown, toggle }
})
