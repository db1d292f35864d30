import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from './http.ts'
import type { LookupBudget } from './lookupBudget.ts'
import type { PollService } from './pollService.ts'
import * as v from 'valibot'
import { ParticipantSchema } from '../polls/participant.ts'
import { requestUrl } from './http.ts'
import { isJsonBody, readJson, sendJson } from './httpJson.ts'
import { PollError } from './pollService.ts'
import { bearerToken, tokenMatches } from './presenterToken.ts'
import { createRateLimiter } from './rateLimit.ts'
import { normalizeSessionCode } from './sessionCode.ts'

const VoteBody = v.object({
  participant: ParticipantSchema,
  answer: v.unknown(),
}, 'body must be a JSON object {"participant", "answer"}')
const CurrentBody = v.object({
  poll: v.nullable(v.pipe(v.string(), v.maxLength(100))),
}, 'body must be {"poll": "<id>"} or {"poll": null}')
const HideBody = v.object({
  text: v.pipe(v.string(), v.maxLength(500)),
}, 'body must be {"text": "<answer to hide>"}')
const presenterActions = [
  'open',
  'close',
  'reset',
  'reveal',
  'hide',
] as const
type PresenterAction = typeof presenterActions[number]

export interface ApiOptions {
  service: PollService
  token: string
  joinUrl: () => string
  /** The session a request is for: the `?session=` code, '' for the default. */
  session: (url: URL) => string
  /** The address a request comes from, as the per-address budgets count it. */
  address: (req: IncomingMessage) => string
  /** Whether a request's Origin may vote (403 otherwise). */
  allowedOrigin: (req: IncomingMessage) => boolean
  /** Failed look-ups (unknown session code, wrong token) per address, shared with the WebSocket. */
  lookups: LookupBudget
}

/** The HTTP API under /api (docs/api.md): routing, validation and status codes; the logic is the service's. */
export function createApiHandler({ service, token, joinUrl, session, address, allowedOrigin, lookups }: ApiOptions): RequestHandler {
  // Generous per address (a venue's phones may share one NAT address); one flooding client still hits it.
  const limiter = createRateLimiter(50, 100)

  /** Whether the request carries the presenter token; a wrong one is a failed look-up (429 once too many). */
  function isPresenter(req: IncomingMessage): boolean {
    const given = bearerToken(req)
    if (!given)
      return false
    lookups.check(address(req))
    const matches = tokenMatches(token, given)
    if (!matches)
      lookups.failed(address(req))
    return matches
  }

  function requirePresenter(req: IncomingMessage): void {
    if (!isPresenter(req))
      throw new PollError(401, 'presenter token required (Authorization: Bearer <token>)')
  }

  /** The request's session, which must exist: 404 for a code that was never made or was deleted (a failed look-up). */
  function sessionOf(req: IncomingMessage, url: URL): string {
    const code = session(url)
    if (code === '')
      return code
    lookups.check(address(req))
    if (!service.hasSession(code)) {
      lookups.failed(address(req))
      throw new PollError(404, `unknown session "${code}"`)
    }
    return code
  }

  /** A vote must come as JSON from no page, or from the deck's own or an allowed one: no other site may make its visitors vote. */
  function checkVoteRequest(req: IncomingMessage): void {
    if (!allowedOrigin(req))
      throw new PollError(403, 'votes from another site\'s page are refused')
    if (!isJsonBody(req))
      throw new PollError(415, 'a vote must be sent as Content-Type: application/json')
  }

  async function sessionRoutes(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[], method: string): Promise<void> {
    requirePresenter(req)
    if (parts.length === 0 && method === 'POST') {
      return sendJson(res, 201, {
        code: service.createSession(),
      })
    }
    if (parts.length === 0 && method === 'GET')
      return sendJson(res, 200, service.sessions())
    // As typed anywhere else: any case, stray spaces.
    const code = parts[0] === 'default'
      ? ''
      : normalizeSessionCode(decodeURIComponent(parts[0]!)) ?? parts[0]!
    if (parts.length === 1 && method === 'DELETE') {
      service.deleteSession(code)
      return sendJson(res, 200, { ok: true, code })
    }
    if (parts.length === 2 && parts[1] === 'export' && method === 'GET') {
      if (!service.hasSession(code))
        throw new PollError(404, `unknown session "${code}"`)
      const format = url.searchParams.get('format') ?? 'json'
      const name = `ospo-poll-results-${code || 'default'}`
      if (format === 'csv') {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'no-store' })
        res.end(service.exportCsv(code))
        return
      }
      if (format !== 'json')
        throw new PollError(400, 'format must be csv or json')
      res.setHeader('content-disposition', `attachment; filename="${name}.json"`)
      return sendJson(res, 200, service.exportJson(code))
    }
    throw new PollError(404, 'not found')
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1)
    const method = req.method ?? 'GET'

    if (method === 'POST' && !limiter.take(address(req)))
      throw new PollError(429, 'too many requests: slow down')

    // HEAD too: what uptime monitors and load balancers send.
    if (parts.length === 1 && parts[0] === 'health' && (method === 'GET' || method === 'HEAD')) {
      const storage = service.storage()
      return sendJson(res, storage.ok ? 200 : 503, storage)
    }
    if (parts.length === 1 && parts[0] === 'info' && method === 'GET') {
      return sendJson(res, 200, {
        joinUrl: joinUrl(),
      })
    }
    // The deck and the console keep a token from a link only once this confirms it.
    if (parts.length === 1 && parts[0] === 'token' && method === 'GET') {
      requirePresenter(req)
      return sendJson(res, 200, { ok: true })
    }
    if (parts.length === 1 && parts[0] === 'current' && method === 'POST') {
      requirePresenter(req)
      const body = v.safeParse(CurrentBody, await readJson(req))
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      service.setCurrent(sessionOf(req, url), body.output.poll)
      return sendJson(res, 200, { ok: true, poll: body.output.poll })
    }
    if (parts[0] === 'sessions')
      return sessionRoutes(req, res, url, parts.slice(1), method)
    if (parts[0] !== 'polls')
      throw new PollError(404, 'not found')
    if (parts.length === 1 && method === 'GET')
      return sendJson(res, 200, service.summaries())

    const [, id, action] = parts
    if (!id || parts.length !== 3)
      throw new PollError(404, 'not found')
    if (action === 'votes' && method === 'POST')
      checkVoteRequest(req)
    service.poll(id)
    const code = sessionOf(req, url)

    if (action === 'votes' && method === 'POST') {
      const raw = await readJson(req)
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new PollError(400, 'body must be a JSON object {"participant", "answer"}')
      const body = v.safeParse(VoteBody, raw)
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      const answer = await service.vote(code, id, body.output.participant, body.output.answer)
      return sendJson(res, 200, { ok: true, poll: id, answer })
    }
    if (action === 'results' && method === 'GET') {
      return sendJson(res, 200, isPresenter(req)
        ? service.results(code, id)
        : service.publicResults(code, id))
    }
    if (action === 'hide-answer' && method === 'POST') {
      requirePresenter(req)
      const body = v.safeParse(HideBody, await readJson(req))
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      return sendJson(res, 200, {
        ok: true,
        hidden: service.hideText(code, id, body.output.text),
      })
    }
    if (action === 'unhide-answer' && method === 'POST') {
      requirePresenter(req)
      const body = v.safeParse(HideBody, await readJson(req))
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      return sendJson(res, 200, {
        ok: true,
        shown: service.unhideText(code, id, body.output.text),
      })
    }
    if (action === 'hidden-answers' && method === 'GET') {
      requirePresenter(req)
      return sendJson(res, 200, service.hiddenTexts(code, id))
    }
    if (presenterActions.includes(action as PresenterAction) && method === 'POST') {
      requirePresenter(req)
      const state = service[action as PresenterAction](code, id)
      return sendJson(res, 200, { ok: true, poll: id, ...state })
    }
    throw new PollError(404, 'not found')
  }

  return (req, res, next) => {
    const url = requestUrl(req)
    if (!url?.pathname.startsWith('/api/')) {
      next()
      return
    }
    route(req, res, url).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (err instanceof PollError) {
        if (err.status === 413)
          res.setHeader('connection', 'close')
        sendJson(res, err.status, { error: err.message })
      }
      else {
        sendJson(res, 500, { error: 'internal error' })
      }
    })
  }
}
