import type { Ref } from 'vue'
import { createSharedComposable, useLocalStorage } from '@vueuse/core'
import { readonly } from 'vue'
import { withBase } from '../logic/withBase'

/** What the poll server said of a token: `GET api/token` answers 200 or 401. */
export type TokenCheck = 'confirmed' | 'refused' | 'unanswered'

async function checkToken(api: string, candidate: string): Promise<TokenCheck> {
  try {
    const res = await fetch(`${api}token`, {
      headers: { authorization: `Bearer ${candidate}` },
      signal: AbortSignal.timeout(5000),
    })
    return res.ok
      ? 'confirmed'
      : res.status === 401
        ? 'refused'
        : 'unanswered'
  }
  catch {
    return 'unanswered'
  }
}

export interface PresenterToken {
  /** The kept token: the last one the server confirmed, '' for none. */
  token: Readonly<Ref<string>>
  /** Keeps `candidate` once the server confirms it; a refused or unchecked one leaves the kept token as it was. */
  adopt: (candidate: string) => Promise<TokenCheck>
}

/**
 * The presenter token in localStorage. A `?token=` link (the one the server prints) is removed from the
 * address bar at once, so it is not shown on the projector or shared by copy-paste, and its token is
 * kept only if the server confirms it: a link with a wrong token can neither replace a good one nor
 * take the presenter's controls away. `api` is where the poll API is (`<base>api/`), given by the
 * first caller.
 */
export const usePresenterToken = createSharedComposable((api: string = withBase('api/')): PresenterToken => {
  const token = useLocalStorage('live-polls:presenter-token', '')

  async function adopt(candidate: string): Promise<TokenCheck> {
    const check = await checkToken(api, candidate)
    if (check === 'confirmed')
      token.value = candidate
    return check
  }

  const url = new URL(location.href)
  const given = url.searchParams.get('token')
  if (given) {
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url)
    if (given !== token.value) {
      // The server that served the link may be restarting: ask again for a while before giving up.
      void (async () => {
        for (let attempt = 0; attempt < 10 && await adopt(given) === 'unanswered'; attempt++)
          await new Promise(resolve => setTimeout(resolve, 3000))
      })()
    }
  }
  return {
    token: readonly(token),
    adopt,
  }
})
