import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from './http.ts'
import type { PollService } from './pollService.ts'
import * as v from 'valibot'
import { ParticipantSchema } from '../polls/participant.ts'
import { requestUrl } from './http.ts'
import { readJson, sendJson } from './httpJson.ts'
import { PollError } from './pollService.ts'
import { bearerToken, tokenMatches } from './presenterToken.ts'
import { createRateLimiter } from './rateLimit.ts'

const VoteBody = v.object({ participant: ParticipantSchema, answer: v.unknown() }, 'body must be a JSON object {"participant", "answer"}')
const CurrentBody = v.object({ poll: v.nullable(v.pipe(v.string(), v.maxLength(100))) }, 'body must be {"poll": "<id>"} or {"poll": null}')
const HideBody = v.object({ text: v.pipe(v.string(), v.maxLength(500)) }, 'body must be {"text": "<answer to hide>"}')
const presenterActions = ['open', 'close', 'reset', 'reveal', 'hide'] as const
type PresenterAction = typeof presenterActions[number]

export interface ApiOptions {
  service: PollService
  token: string
  joinUrl: () => string
  /** The session a request is for: the `?session=` code, '' for the default. */
  session: (url: URL) => string
}

/** The HTTP API under /api (docs/api.md): routing, validation and status codes; the logic is the service's. */
export function createApiHandler({ service, token, joinUrl, session }: ApiOptions): RequestHandler {
  // Generous per address (a venue's phones may share one NAT address); one flooding client still hits it.
  const limiter = createRateLimiter(50, 100)

  function requirePresenter(req: IncomingMessage): void {
    if (!tokenMatches(token, bearerToken(req)))
      throw new PollError(401, 'presenter token required (Authorization: Bearer <token>)')
  }

  /** The request's session, which must exist: 404 for a code that was never made or was deleted. */
  function sessionOf(url: URL): string {
    const code = session(url)
    if (!service.hasSession(code))
      throw new PollError(404, `unknown session "${code}"`)
    return code
  }

  async function sessionRoutes(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[], method: string): Promise<void> {
    requirePresenter(req)
    if (parts.length === 0 && method === 'POST')
      return sendJson(res, 201, { code: service.createSession() })
    if (parts.length === 0 && method === 'GET')
      return sendJson(res, 200, service.sessions())
    const code = parts[0] === 'default' ? '' : parts[0]!
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

    if (method === 'POST' && !limiter.take(req.socket.remoteAddress ?? ''))
      throw new PollError(429, 'too many requests: slow down')

    if (parts.length === 1 && parts[0] === 'health' && method === 'GET') {
      const storage = service.storage()
      return sendJson(res, storage.ok ? 200 : 503, storage)
    }
    if (parts.length === 1 && parts[0] === 'info' && method === 'GET')
      return sendJson(res, 200, { joinUrl: joinUrl() })
    if (parts.length === 1 && parts[0] === 'current' && method === 'POST') {
      requirePresenter(req)
      const body = v.safeParse(CurrentBody, await readJson(req))
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      service.setCurrent(sessionOf(url), body.output.poll)
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
    service.poll(id)
    const code = sessionOf(url)

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
      const presenter = tokenMatches(token, bearerToken(req))
      return sendJson(res, 200, presenter ? service.results(code, id) : service.publicResults(code, id))
    }
    if (action === 'hide-answer' && method === 'POST') {
      requirePresenter(req)
      const body = v.safeParse(HideBody, await readJson(req))
      if (!body.success)
        throw new PollError(400, body.issues[0].message)
      return sendJson(res, 200, { ok: true, hidden: service.hideText(code, id, body.output.text) })
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
