import type { Ref } from 'vue'
import type { PresenterAction } from '../polls/presenterActions'
import type { Poll } from '../polls/schema'
import { sessionQuery as query } from '../polls/sessionQuery'

/** Presenter-only HTTP calls of the console, relative to where the app is served. */
export function useConsoleApi(base: string, token: Readonly<Ref<string>>) {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${base}api/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token.value}`, ...init.headers },
    })
  }
  const post = (path: string, body?: unknown): Promise<Response> =>
    call(path, {
      method: 'POST',
      body: body === undefined
        ? undefined
        : JSON.stringify(body),
    })

  return {
    /** The deck's poll definitions: the console is built without any. */
    polls: async () => (await call('polls')).json() as Promise<Poll[]>,
    sessions: async () => (await call('sessions')).json() as Promise<{ code: string, createdAt: number, participants: number }[]>,
    verify: async () => (await call('sessions')).ok,
    createSession: async () => ((await post('sessions')).json() as Promise<{ code: string }>),
    deleteSession: (code: string) => call(`sessions/${code}`, { method: 'DELETE' }),
    action: (session: string, poll: string, action: PresenterAction) => post(`polls/${poll}/${action}${query(session)}`),
    present: (session: string, poll: string | null) => post(`current${query(session)}`, { poll }),
    async hiddenAnswers(session: string, poll: string): Promise<{ text: string, count: number }[]> {
      const res = await call(`polls/${poll}/hidden-answers${query(session)}`)
      return res.ok
        ? res.json() as Promise<{ text: string, count: number }[]>
        : []
    },
    unhideAnswer: (session: string, poll: string, text: string) => post(`polls/${poll}/unhide-answer${query(session)}`, { text }),
    hideAnswer: (session: string, poll: string, text: string) => post(`polls/${poll}/hide-answer${query(session)}`, { text }),
    /** Fetches an export with the token and hands it to the browser as a download. */
    async download(session: string, format: 'csv' | 'json', fileStem: string): Promise<void> {
      const res = await call(`sessions/${session || 'default'}/export?format=${format}`)
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await res.blob())
      link.download = `${fileStem}-results-${session || 'default'}.${format}`
      link.click()
      URL.revokeObjectURL(link.href)
    },
  }
}

export type ConsoleApi = ReturnType<typeof useConsoleApi>
