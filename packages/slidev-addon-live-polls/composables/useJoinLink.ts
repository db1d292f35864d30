import type { ComputedRef, Ref } from 'vue'
import { useNav } from '@slidev/client'
import { createSharedComposable } from '@vueuse/core'
import { computed } from 'vue'
import { sessionQuery } from '../polls/sessionQuery'
import { useSessionCode } from './useSessionCode'
import { useVoteUrl } from './useVoteUrl'

export interface JoinLink {
  /** What the QR code carries: the voting page, with the workshop's session when there is one. */
  url: ComputedRef<string>
  /** The same address to type, without the scheme (`host/v/CODE` for a session). */
  short: ComputedRef<string>
  /** False in a PDF made on this machine, whose join link would only work here. */
  joinable: ComputedRef<boolean>
  session: Ref<string>
}

/** How phones join this deck's polls: shared by poll slides, the join slide and the join overlay. */
export const useJoinLink = createSharedComposable((): JoinLink => {
  const { isPrintMode } = useNav()
  const session = useSessionCode()
  const voteUrl = useVoteUrl()
  const url = computed(() => voteUrl.value && `${voteUrl.value}${sessionQuery(session.value)}`)
  const short = computed(() => {
    const address = voteUrl.value.replace(/^https?:\/\//, '')
    return session.value
      ? address.replace(/vote\/$/, `v/${session.value}`)
      : address.replace(/\/$/, '')
  })
  const joinable = computed(() => Boolean(url.value)
    && (!isPrintMode.value || !/\/\/(?:localhost|127\.|\[::1\])/.test(url.value)))
  return { url, short, joinable, session }
})
