import type { MaybeRefOrGetter, Ref, ShallowRef } from 'vue'
import type { ClientMessage } from '../polls/messages'
import type { HiddenResults, Poll, PollResults, PollState, ServerMessage } from '../polls/types'
import { useWebSocket } from '@vueuse/core'
import { ref, shallowRef, toValue, watch } from 'vue'

export interface UsePollSocketOptions {
  /** Origin-relative base of the server, e.g. '/' or '/workshop/'. */
  base?: string
  /** Workshop session code; '' for the default session. */
  session?: string
  /** Sent in every hello, so a reconnect resumes as the same participant. */
  participant?: string
  /** Presenter token: makes this socket a presenter (full results, may set the current poll). */
  token?: MaybeRefOrGetter<string | undefined>
  /** Follow this one poll instead of the presenter's slides (an embedded poll). */
  poll?: string
  /** Receive results of every poll (public view unless presenter). */
  watch?: boolean
  /** Connect at once (default), or wait for `open()`. */
  immediate?: boolean
  /** Called for every message, after the composable's own state is updated. */
  onMessage?: (message: ServerMessage) => void
}

export interface UsePollSocketReturn {
  status: Ref<'OPEN' | 'CONNECTING' | 'CLOSED'>
  presenter: Ref<boolean>
  /** The poll the phones show, with its definition (the phone page carries none of its own). */
  current: ShallowRef<{ poll: string | null, definition: Poll | null, state: PollState | null, answer: unknown } | null>
  results: Ref<Record<string, PollResults | HiddenResults>>
  send: (message: ClientMessage) => boolean
  open: () => void
  /** Closes for good (no reconnect). */
  close: () => void
}

/** The socket's address on this page's own host; `base` is the server's path (`/`) or URL (`serverBase()`). */
export function socketUrl(base = '/', session = ''): string {
  const url = new URL(`${base.replace(/\/?$/, '/')}ws`, location.origin)
  url.protocol = location.protocol === 'https:'
    ? 'wss:'
    : 'ws:'
  url.host = location.host
  if (session)
    url.searchParams.set('session', session)
  return url.href
}

/** One WebSocket to the poll server that reconnects by itself and says hello again each time. */
export function usePollSocket(options: UsePollSocketOptions = {}): UsePollSocketReturn {
  const presenter = ref(false)
  const current: UsePollSocketReturn['current'] = shallowRef(null)
  const results = ref<Record<string, PollResults | HiddenResults>>({})

  const hello = (): ClientMessage => ({
    type: 'hello',
    participant: options.participant,
    token: toValue(options.token) || undefined,
    watch: options.watch,
    poll: options.poll,
  })

  const { status, send: rawSend, open, close } = useWebSocket(socketUrl(options.base, options.session), {
    immediate: options.immediate ?? true,
    autoReconnect: { retries: Number.POSITIVE_INFINITY, delay: 1500 },
    heartbeat: false,
    onConnected: ws => ws.send(JSON.stringify(hello())),
    onMessage: (_, event: MessageEvent<string>) => {
      let message: ServerMessage
      try {
        message = JSON.parse(event.data) as ServerMessage
      }
      catch {
        return
      }
      if (message.type === 'welcome') {
        presenter.value = message.presenter
      }
      else if (message.type === 'current') {
        current.value = {
          poll: message.poll,
          definition: message.definition,
          state: message.state,
          answer: message.answer,
        }
      }
      else if (message.type === 'results') {
        results.value = { ...results.value, [message.results.id]: message.results }
      }
      options.onMessage?.(message)
    },
  })

  // A token that arrives later (e.g. pasted into another tab) upgrades this socket without a reload.
  watch(() => toValue(options.token), () => status.value === 'OPEN' && rawSend(JSON.stringify(hello()), false))

  return {
    status,
    presenter,
    current,
    results,
    // Not buffered: a message sent while offline is the caller's to resend on reconnect.
    send: message => status.value === 'OPEN' && rawSend(JSON.stringify(message), false),
    open,
    close,
  }
}
