import type { Ref } from 'vue'
import { createSharedComposable } from '@vueuse/core'
import { ref } from 'vue'
import { withBase } from '../logic/withBase'

/**
 * Where phones open the voting page: the server knows the address they can reach; without a server,
 * this deck's own origin. Empty until the server has answered (or is known to be absent), so that no QR
 * code is drawn for this machine's own address first. Asked once for all poll slides.
 */
export const useVoteUrl = createSharedComposable((): Ref<string> => {
  const url = ref('')
  const ownOrigin = (): string => new URL(withBase('vote/'), location.href).href
  fetch(withBase('api/info'), {
    signal: AbortSignal.timeout(10_000),
  })
    .then(async res => (res.ok
      ? (await res.json() as { joinUrl: string }).joinUrl
      : ownOrigin()))
    .catch(ownOrigin)
    .then(joinUrl => (url.value = joinUrl))
  return url
})
