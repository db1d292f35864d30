import type { Ref } from 'vue'
import type { PresenterAction } from '../polls/presenterActions'
import type { Poll } from '../polls/schema'
import type { Comparison, SessionInfo } from '../polls/types'
import { sessionQuery as query } from '../polls/sessionQuery'

/** The server's `{"error": …}`, or its status line when it sent none. */
async function errorOf(res: Response): Promise<string> {
  try {
    return (await res.json() as { error?: string }).error ?? `${res.status} ${res.statusText}`
  }
  catch {
    return `${res.status} ${res.statusText}`
  }
}

/** Hands `blob` to the browser as a file download. */
function save(blob: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name
  link.click()
  URL.revokeObjectURL(link.href)
}

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
    sessions: async () => (await call('sessions')).json() as Promise<SessionInfo[]>,
    verify: async () => (await call('sessions')).ok,
    createSession: async () => ((await post('sessions')).json() as Promise<{ code: string }>),
    deleteSession: (code: string) => call(`sessions/${code}`, { method: 'DELETE' }),
    /** Names a session (null or '' clears the name); the server's refusal, if any, as its message. */
    async renameSession(code: string, name: string | null): Promise<string | null> {
      const res = await call(`sessions/${encodeURIComponent(code)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      })
      return res.ok
        ? null
        : await errorOf(res)
    },
    /** These sessions side by side (`default` for the default session), or the server's refusal. */
    async compare(codes: string[]): Promise<Comparison | { error: string }> {
      const res = await call(`compare?sessions=${codes.map(encodeURIComponent).join(',')}&view=console`)
      return res.ok
        ? res.json() as Promise<Comparison>
        : { error: await errorOf(res) }
    },
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
      save(await res.blob(), `${fileStem}-results-${session || 'default'}.${format}`)
    },
    /** The comparison of these sessions as a download: every answer with its session (CSV), or the comparison (JSON). */
    async downloadComparison(codes: string[], format: 'csv' | 'json'): Promise<void> {
      const res = await call(`compare?sessions=${codes.map(encodeURIComponent).join(',')}&${format === 'csv'
        ? 'format=csv'
        : 'download'}`)
      // The server names the file (deck, sessions as it spells them).
      const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1]
      save(await res.blob(), named ?? `comparison.${format}`)
    },
  }
}

export type ConsoleApi = ReturnType<typeof useConsoleApi>
