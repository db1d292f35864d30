import { withBase } from '../logic/withBase'
import { usePresenterToken } from './usePresenterToken'

export type PollAction = 'open' | 'close' | 'reset' | 'reveal' | 'hide'

/** Presenter actions on one poll, sent with the presenter token; the socket brings the new state back. */
export function usePollControls(id: string, session = '') {
  const token = usePresenterToken()
  return async (action: PollAction): Promise<void> => {
    const query = session ? `?session=${encodeURIComponent(session)}` : ''
    await fetch(withBase(`api/polls/${id}/${action}${query}`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value}` },
    })
  }
}
