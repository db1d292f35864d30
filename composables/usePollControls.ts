import { withBase } from '../logic/withBase'
import { usePresenterToken } from './usePresenterToken'
import { sessionQuery, useSessionCode } from './useSessionCode'

export type PollAction = 'open' | 'close' | 'reset' | 'reveal' | 'hide'

/** Presenter actions on one poll, sent with the presenter token; the socket brings the new state back. */
export function usePollControls(id: string) {
  const { token } = usePresenterToken()
  const session = useSessionCode()
  return async (action: PollAction): Promise<void> => {
    await fetch(withBase(`api/polls/${id}/${action}${sessionQuery(session.value)}`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value}` },
    })
  }
}
