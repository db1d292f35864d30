import type { NavOperations, ShortcutOptions } from '@slidev/types'
import { defineShortcutsSetup } from '@slidev/types'
import { useJoinOverlay } from '../composables/useJoinOverlay'

// `j` shows how to join over any slide and hides it again, e.g. for latecomers before a poll.
export default defineShortcutsSetup((_nav: NavOperations, base: ShortcutOptions[]) => [
  ...base,
  {
    name: 'toggle_join_screen',
    key: 'j',
    fn: () => useJoinOverlay().toggle(),
    autoRepeat: false,
  },
])
