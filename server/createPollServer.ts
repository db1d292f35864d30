import type { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Poll } from '../polls/types.ts'
import type { RequestHandler } from './http.ts'
import sirv from 'sirv'
import { polls as deckPolls } from '../polls/definitions.ts'
import { createApiHandler } from './api.ts'
import { createPollService } from './pollService.ts'
import { createRealtime } from './realtime.ts'
import { normalizeSessionCode } from './sessionCode.ts'
import { createStore } from './store.ts'

export interface PollServerOptions {
  /** SQLite file (':memory:' for a throwaway store). */
  dbPath: string
  token: string
  /** The built voting page, served at /vote. */
  voteDir: string
  /** The URL phones should open, e.g. http://192.168.1.20:3030/vote. */
  joinUrl: () => string
  polls?: Poll[]
  /** Erase sessions (and default-session answers) older than this many days; off when unset. */
  retentionDays?: number
}

export interface PollServer {
  /** Connect-style handler for /api/*, /vote and /v; calls `next` for anything else. */
  handle: RequestHandler
  /** Takes WebSocket upgrades for /ws; false for other paths. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
  service: ReturnType<typeof createPollService>
  stats: () => { clients: number, buckets: number }
  close: () => void
}

/** The poll server, independent of transport: wired into Vite's dev server and into the plain Node server alike. */
export function createPollServer(options: PollServerOptions): PollServer {
  const store = createStore(options.dbPath)
  const service = createPollService({ store, polls: options.polls ?? deckPolls })
  // No code: the default (conference) session. A code that cannot be one is kept as given, so it is refused as unknown.
  const session = (url: URL): string => {
    const given = url.searchParams.get('session')
    return given ? normalizeSessionCode(given) ?? given : ''
  }
  const api = createApiHandler({ service, token: options.token, joinUrl: options.joinUrl, session })
  const realtime = createRealtime({ service, token: options.token, session })
  const applyRetention = (): void => {
    if (options.retentionDays)
      store.deleteOlderThan(Date.now() - options.retentionDays * 86_400_000)
  }
  applyRetention()
  const retention = setInterval(applyRetention, 3_600_000)
  retention.unref()
  const vote = sirv(options.voteDir, { dev: true, etag: true })

  const handle: RequestHandler = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/v' || url.pathname === '/vote') {
      // Short join path, and the canonical page with its trailing slash (relative asset URLs need it).
      res.writeHead(302, { location: `/vote/${url.search}` })
      res.end()
      return
    }
    if (url.pathname.startsWith('/vote/')) {
      req.url = req.url!.slice('/vote'.length)
      vote(req, res, () => {
        req.url = `/vote${req.url}`
        next()
      })
      return
    }
    api(req, res, next)
  }

  return {
    handle,
    upgrade: realtime.upgrade,
    service,
    stats: realtime.stats,
    close() {
      clearInterval(retention)
      realtime.close()
      store.close()
    },
  }
}
