import type { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Deck } from '../domain/deckPolls.ts'
import type { PollService } from '../domain/pollService.ts'
import type { AddressBudgets } from '../edge/addressBudgets.ts'
import type { RequestHandler } from '../edge/http.ts'
import type { StorageSettings } from '../stores/openStore.ts'
import type { Store } from '../stores/store.ts'
import type { RealtimeStats } from '../transports/realtime.ts'
import { sessionQuery } from '../../polls/sessionQuery.ts'
import { createPollService } from '../domain/pollService.ts'
import { normalizeSessionCode } from '../domain/sessionCode.ts'
import { DEFAULT_BUDGETS } from '../edge/addressBudgets.ts'
import { compileTrust, createClientAddress } from '../edge/clientAddress.ts'
import { requestUrl } from '../edge/http.ts'
import { createLookupBudget } from '../edge/lookupBudget.ts'
import { createOriginCheck } from '../edge/originCheck.ts'
import { serveFiles } from '../edge/static.ts'
import { openStore } from '../stores/openStore.ts'
import { StorageError } from '../stores/storageError.ts'
import { createApiHandler } from '../transports/api.ts'
import { createRealtime } from '../transports/realtime.ts'
import { DEFAULT_MIN_GROUP_SIZE } from './config.ts'

export interface PollServerOptions extends StorageSettings {
  /** The store is this process's alone where it can be (a SQLite file is locked while open: stores/openStore.ts). */
  exclusive?: boolean
  token: string
  /** The built voting page and facilitator console, served at /vote/ and /console/. */
  appDirs: { vote: string, console: string }
  /** The URL phones should open, e.g. http://192.168.1.20:3030/vote. */
  joinUrl: () => string
  /** The deck: its polls as its slides define them, its title, file name and accent (server/domain/deckPolls.ts). */
  deck: Deck
  /** The path everything is served under, e.g. '/workshop/'; handlers see URLs with it stripped. */
  basePath?: string
  /** Handout export: requests without `?session=` read this session, with every result revealed. */
  handoutSession?: string
  /** Erase sessions (and default-session answers) older than this many days; off when unset. */
  retentionDays?: number
  /** TRUST_PROXY: which proxies' X-Forwarded-For names the client (server/edge/clientAddress.ts); none when unset. */
  trustProxy?: string
  /** Pages besides the deck's own that may vote and open the socket (PUBLIC_URL's origin, FRAME_ANCESTORS). */
  allowedOrigins?: string[]
  /** MIN_GROUP_SIZE: in comparisons, a group with fewer participants in a poll is withheld there (config.ts's default). */
  minGroupSize?: number
  /** Per-address budgets; the defaults fill in what is not given. */
  budgets?: Partial<AddressBudgets>
  /** A store already open, instead of the one the settings name (tests put faults in it); closed with the server. */
  store?: Store
}

export interface PollServer {
  /** Connect-style handler for /api/*, /vote and /v; calls `next` for anything else. */
  handle: RequestHandler
  /** Takes WebSocket upgrades for /ws; false for other paths. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
  service: PollService
  /** Where votes are kept: the SQLite file, or the PostgreSQL address without its password. */
  storage: string
  stats: () => RealtimeStats
  close: () => Promise<void>
}

/** The poll server, independent of transport: wired into Vite's dev server and into the plain Node server alike. */
export async function createPollServer(options: PollServerOptions): Promise<PollServer> {
  const store = options.store ?? await openStore(options, { exclusive: options.exclusive })
  try {
    // A read-only file or a full disk is refused now, not discovered at the first vote.
    await store.checkWrites()
  }
  catch (err) {
    await store.close()
    throw err
  }
  const service = createPollService({ store, polls: options.deck.polls, revealAll: options.handoutSession !== undefined })
  // No code: the default (conference) session. A code that cannot be one is kept as given, so it is refused as unknown.
  const session = (url: URL): string => {
    const given = url.searchParams.get('session')
    return given
      ? normalizeSessionCode(given) ?? given
      : options.handoutSession ?? ''
  }
  const budgets = {
    ...DEFAULT_BUDGETS,
    ...options.budgets,
  }
  const address = createClientAddress(compileTrust(options.trustProxy ?? ''))
  const allowedOrigin = createOriginCheck(options.allowedOrigins ?? [])
  // One budget for both transports: a guesser gains nothing by switching.
  const lookups = createLookupBudget(budgets.failedLookupsPerMinute)
  const api = createApiHandler({
    service,
    token: options.token,
    joinUrl: options.joinUrl,
    deck: options.deck,
    session,
    address,
    allowedOrigin,
    lookups,
    minGroupSize: options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  })
  const realtime = createRealtime({
    service,
    token: options.token,
    session,
    address,
    allowedOrigin,
    lookups,
    budgets,
  })
  const applyRetention = async (): Promise<void> => {
    if (options.retentionDays)
      await service.applyRetention(Date.now() - options.retentionDays * 86_400_000)
  }
  await applyRetention()
  const retention = setInterval(() => {
    applyRetention().catch((err: unknown) => {
      // Already logged and shown on /api/health; the next hour tries again.
      if (!(err instanceof StorageError))
        console.error(err)
    })
  }, 3_600_000)
  retention.unref()
  const statics = Object.entries(options.appDirs).map(([name, dir]) => ({
    prefix: `/${name}`,
    serve: serveFiles(dir, { dev: true }),
  }))

  const base = options.basePath ?? '/'
  const handle: RequestHandler = (req, res, next) => {
    const url = requestUrl(req)
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request')
      return
    }
    // Short join paths (/v, /v/CODE for a workshop) and the page's canonical trailing slash.
    const join = /^\/(?:v|vote)(?:\/([\w-]{4,12}))?\/?$/.exec(url.pathname)
    if (join && url.pathname !== '/vote/') {
      // A mistyped code is passed on as typed, so the voting page says it is unknown instead of joining the default session.
      const code = join[1] && (normalizeSessionCode(join[1]) ?? join[1])
      res.writeHead(302, { location: `${base}vote/${code
        ? sessionQuery(code)
        : url.search}` })
      res.end()
      return
    }
    if (url.pathname === '/console') {
      res.writeHead(302, { location: `${base}console/${url.search}` })
      res.end()
      return
    }
    const app = statics.find(a => url.pathname.startsWith(`${a.prefix}/`))
    if (app) {
      // Served from the parsed path, never the raw target: the file is the one the route matched.
      req.url = `${url.pathname.slice(app.prefix.length)}${url.search}`
      app.serve(req, res, () => {
        req.url = `${app.prefix}${req.url}`
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
    storage: store.location,
    stats: realtime.stats,
    async close() {
      clearInterval(retention)
      realtime.close()
      service.stopFollowing()
      await store.close()
    },
  }
}
