import type { ServerMessage } from '../../../polls/types.ts'
import type { PollService } from '../../domain/pollService.ts'
import type { LookupBudget } from '../../edge/lookupBudget.ts'
import type { Sender } from './backpressure.ts'
import type { Client, Clients } from './clients.ts'
import type { MessageLimits } from './messageLimits.ts'
import * as v from 'valibot'
import { ClientMessageSchema } from '../../../polls/messages.ts'
import { PollError } from '../../domain/pollError.ts'
import { TOO_MANY_FAILURES } from '../../edge/lookupBudget.ts'
import { tokenMatches } from '../../edge/presenterToken.ts'
import { refuse } from './admission.ts'

/** The /ws protocol (polls/messages.ts): a client's hello, vote and present, and what it is sent of the poll on screen. */
export interface Protocol {
  /** Handles one text message of an admitted socket. */
  onMessage: (client: Client, data: string) => Promise<void>
  /** The poll a client follows, with its participant's answer (`fromStore`: as stored, see the service's answerOf). */
  sendCurrent: (client: Client, fromStore?: boolean) => Promise<void>
}

export interface ProtocolOptions {
  service: PollService
  token: string
  lookups: LookupBudget
  clients: Pick<Clients, 'setWatch'>
  sender: Pick<Sender, 'send' | 'sendAllResults'>
  limits: Pick<MessageLimits, 'charge'>
}

/** What a client is told of a failed request: a PollError's own words, nothing of any other error. */
function errorText(err: unknown): string {
  return err instanceof PollError
    ? err.message
    : 'internal error'
}

export function createProtocol({ service, token, lookups, clients, sender: { send, sendAllResults }, limits }: ProtocolOptions): Protocol {
  async function currentFor(client: Client, fromStore: boolean): Promise<ServerMessage> {
    const poll = client.pinned ?? await service.current(client.session)
    if (!poll) {
      return {
        type: 'current',
        poll: null,
        definition: null,
        state: null,
        answer: null,
      }
    }
    const answer = client.participant
      ? await service.answerOf(client.session, poll, client.participant, fromStore)
      : undefined
    return {
      type: 'current',
      poll,
      definition: service.poll(poll),
      state: await service.state(client.session, poll),
      answer: answer ?? null,
    }
  }

  function sendCurrent(client: Client, fromStore = false): Promise<void> {
    return currentFor(client, fromStore).then(
      message => send(client, message),
      () => send(client, { type: 'error', error: 'the current poll cannot be read right now' }),
    )
  }

  async function onMessage(client: Client, data: string): Promise<void> {
    let parsed: unknown
    try {
      parsed = JSON.parse(data)
    }
    catch {
      return send(client, { type: 'error', error: 'message must be JSON' })
    }
    const result = v.safeParse(ClientMessageSchema, parsed)
    if (!result.success)
      return send(client, { type: 'error', error: `bad message: ${result.issues[0].message}` })
    const message = result.output
    switch (message.type) {
      case 'hello': {
        // Another participant id would make one socket many voters.
        if (client.participant !== undefined && message.participant !== client.participant)
          return send(client, { type: 'error', error: 'this connection already speaks for another participant: open a new one' })
        const triesToken = Boolean(message.token)
        if (triesToken && !lookups.allows(client.address))
          return refuse(client.socket, 4429, 'too many failed look-ups', TOO_MANY_FAILURES)
        if (message.poll !== undefined) {
          try {
            client.pinned = service.poll(message.poll).id
          }
          catch (err) {
            return send(client, {
              type: 'error',
              error: errorText(err),
            })
          }
        }
        client.participant = message.participant
        client.presenter = tokenMatches(token, message.token)
        if (triesToken && !client.presenter)
          lookups.failed(client.address)
        clients.setWatch(client, client.presenter || message.watch === true)
        const view = client.watch
          ? (client.presenter ? 'full' : 'public')
          : undefined
        // Results go to a socket that starts watching or changes view; one that keeps its view gets every change anyway.
        const fresh = view !== undefined && view !== client.view
        client.view = view
        send(client, { type: 'welcome', presenter: client.presenter })
        // A hello is often a reconnect, perhaps from another process: the phone's answer as stored, not as heard.
        await sendCurrent(client, true)
        if (fresh)
          await sendAllResults(client)
        return
      }
      case 'vote':
        if (!client.participant)
          return send(client, { type: 'error', ref: message.ref, error: 'say hello with a participant id first' })
        try {
          await service.vote(client.session, message.poll, client.participant, message.answer)
          return send(client, { type: 'ack', ref: message.ref, poll: message.poll })
        }
        catch (err) {
          if (err instanceof PollError && err.options.costsSender)
            limits.charge(client)
          return send(client, {
            type: 'error',
            ref: message.ref,
            error: errorText(err),
            ...err instanceof PollError && err.options.retry
              ? { retry: true }
              : {},
          })
        }
      case 'present':
        if (!client.presenter)
          return send(client, { type: 'error', error: 'presenter token required' })
        try {
          await service.setCurrent(client.session, message.poll)
        }
        catch (err) {
          return send(client, {
            type: 'error',
            error: errorText(err),
          })
        }
    }
  }

  return { onMessage, sendCurrent }
}
