import type { ClientConfig, PoolClient } from 'pg'
import type { StoreChange } from './store.ts'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import * as v from 'valibot'

// NOTIFY refuses payloads of 8000 bytes or more; votes are split into messages under this.
const MAX_PAYLOAD = 7000
const RECONNECT_MS = [250, 500, 1000, 2000, 5000]

const text = v.string()
const ChangeSchema = v.variant('type', [
  v.object({
    type: v.literal('votes'),
    session: text,
    poll: text,
    participants: v.array(text),
  }),
  v.object({
    type: v.picklist(['state', 'reset', 'moderation']),
    session: text,
    poll: text,
  }),
  v.object({
    type: v.picklist(['current', 'deleted']),
    session: text,
  }),
  v.object({
    type: v.literal('retention'),
  }),
])
const MessageSchema = v.object({ from: text, change: ChangeSchema })

/** The change as NOTIFY payloads, each under the size NOTIFY takes (a large batch of votes becomes several). */
function payloads(from: string, change: StoreChange): string[] {
  const whole = JSON.stringify({ from, change })
  if (change.type !== 'votes' || whole.length < MAX_PAYLOAD)
    return [whole]
  const out: string[] = []
  let part: string[] = []
  let size = 0
  for (const participant of change.participants) {
    if (size + participant.length > MAX_PAYLOAD / 2 && part.length) {
      out.push(JSON.stringify({
        from,
        change: { ...change, participants: part },
      }))
      part = []
      size = 0
    }
    part.push(participant)
    size += participant.length + 3
  }
  out.push(JSON.stringify({
    from,
    change: { ...change, participants: part },
  }))
  return out
}

/**
 * What the processes sharing one PostgreSQL schema tell each other, over LISTEN/NOTIFY on a channel named after
 * the schema. `publish` notifies inside the caller's transaction, so the others hear of a change exactly when
 * it commits, and never of one rolled back. A process ignores its own messages. When the listening connection
 * is lost it reconnects, and says `resync`: what was sent meanwhile is lost, so everything must be read again.
 */
export async function createChangeFeed(config: ClientConfig, schema: string, log: (line: string) => void) {
  const channel = `live_polls:${schema}`
  const self = randomUUID()
  const listeners = new Set<(change: StoreChange) => void>()
  const emit = (change: StoreChange): void => listeners.forEach(listener => listener(change))
  let client: pg.Client | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined

  async function listen(): Promise<pg.Client> {
    const next = new pg.Client(config)
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload)
        return
      let parsed: unknown
      try {
        parsed = JSON.parse(message.payload)
      }
      catch {
        return
      }
      const checked = v.safeParse(MessageSchema, parsed)
      if (checked.success && checked.output.from !== self)
        emit(checked.output.change)
    })
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    try {
      await next.connect()
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`)
    }
    catch (err) {
      await next.end().catch(() => {})
      throw err
    }
    return next
  }

  function lost(which: pg.Client): void {
    if (closed || which !== client)
      return
    client = undefined
    which.end().catch(() => {})
    log('PostgreSQL: lost the connection that hears other processes\' changes; reconnecting')
    reconnect(0)
  }

  function reconnect(attempt: number): void {
    retry = setTimeout(() => {
      listen().then((next) => {
        if (closed)
          return void next.end()
        client = next
        log('PostgreSQL: hearing other processes\' changes again')
        emit({ type: 'resync' })
      }, () => reconnect(attempt + 1))
    }, RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)])
  }

  client = await listen()
  return {
    /** Notifies the other processes of a change, as part of the transaction `tx` is in. */
    async publish(tx: PoolClient, change: StoreChange): Promise<void> {
      for (const payload of payloads(self, change))
        await tx.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    subscribe(listener: (change: StoreChange) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close(): Promise<void> {
      closed = true
      clearTimeout(retry)
      await client?.end().catch(() => {})
    },
  }
}
