import type { PresenterAction } from '../polls/presenterActions'
import { withBase } from '../logic/withBase'
import { sessionQuery } from '../polls/sessionQuery'
import { usePresenterToken } from './usePresenterToken'
import { useSessionCode } from './useSessionCode'

/** Presenter actions on one poll, sent with the presenter token; the socket brings the new state back. */
export function usePollControls(id: string) {
  const { token } = usePresenterToken()
  const session = useSessionCode()
  return async (action: PresenterAction): Promise<void> => {
    await fetch(withBase(`api/polls/${id}/${action}${sessionQuery(session.value)}`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value}` },
    })
  }
}
