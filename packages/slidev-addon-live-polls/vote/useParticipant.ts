import type { Ref } from 'vue'
import { useLocalStorage } from '@vueuse/core'

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
}

/** This phone's random participant id, kept in localStorage: one vote per poll, nothing personal. */
export function useParticipant(): Ref<string> {
  return useLocalStorage('live-polls:participant', randomId, { writeDefaults: true })
}
