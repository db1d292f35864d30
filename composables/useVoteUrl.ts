import type { Ref } from 'vue'
import { createSharedComposable } from '@vueuse/core'
import { ref } from 'vue'
import { withBase } from '../logic/withBase'

/**
 * Where phones open the voting page: the server knows the address they can reach; without a server,
 * this deck's own origin. Asked once for all poll slides.
 */
export const useVoteUrl = createSharedComposable((): Ref<string> => {
  const url = ref(new URL(withBase('vote/'), location.href).href)
  fetch(withBase('api/info'), {
    signal: AbortSignal.timeout(3000),
  })
    .then(async (res) => {
      if (res.ok)
        url.value = (await res.json() as { joinUrl: string }).joinUrl
    })
    .catch(() => {})
  return url
})
