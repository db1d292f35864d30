import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Deck } from '../domain/deckPolls.ts'
import type { PollService } from '../domain/pollService.ts'
import type { RequestHandler } from '../edge/http.ts'
import type { LookupBudget } from '../edge/lookupBudget.ts'
import { addRoute, createRouter, findRoute } from 'rou3'
import * as v from 'valibot'
import { SessionNameSchema } from '../../polls/comparedSessions.ts'
import { ParticipantSchema } from '../../polls/participant.ts'
import { presenterActions } from '../../polls/presenterActions.ts'
import { isWellFormedText } from '../../polls/textCharacters.ts'
import { comparedCodes } from '../domain/comparedCodes.ts'
import { jsonPieces } from '../domain/jsonPieces.ts'
import { PollError } from '../domain/pollError.ts'
import { sessionCodeOf } from '../domain/sessionCode.ts'
import { requestUrl } from '../edge/http.ts'
import { isJsonBody, parseBody, sendJson } from '../edge/httpJson.ts'
import { bearerToken, tokenMatches } from '../edge/presenterToken.ts'
import { createRateLimiter } from '../edge/rateLimit.ts'
import { StorageError } from '../stores/storageError.ts'
import { sendPieces } from './writePieces.ts'

const VoteBody = v.object({
  participant: ParticipantSchema,
  answer: v.unknown(),
}, 'body must be a JSON object {"participant", "answer"}')
const CurrentBody = v.object({
  poll: v.nullable(v.pipe(v.string(), v.maxLength(100))),
}, 'body must be {"poll": "<id>"} or {"poll": null}')
const AnswerTextBody = v.object({
  text: v.pipe(v.string(), v.maxLength(500), v.check(isWellFormedText, 'text must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)')),
}, 'body must be {"text": "<answer>"}')

export interface ApiOptions {
  service: PollService
  token: string
  joinUrl: () => string
  deck: Pick<Deck, 'title' | 'fileStem' | 'accent'>
  /** The session a request is for: the `?session=` code, '' for the default. */
  session: (url: URL) => string
  /** The address a request comes from, as the per-address budgets count it. */
  address: (req: IncomingMessage) => string
  /** Whether a request's Origin may vote (403 otherwise). */
  allowedOrigin: (req: IncomingMessage) => boolean
  /** Failed look-ups (unknown session code, wrong token) per address, shared with the WebSocket. */
  lookups: LookupBudget
  /** MIN_GROUP_SIZE: in comparisons, a group with fewer participants in a poll is withheld there. */
  minGroupSize: number
}

/** The HTTP API under /api (docs/api.md): routing, validation and status codes; the logic is the service's. */
export function createApiHandler({ service, token, joinUrl, deck, session, address, allowedOrigin, lookups, minGroupSize }: ApiOptions): RequestHandler {
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
  async function sessionOf(req: IncomingMessage, url: URL): Promise<string> {
    const code = session(url)
    if (code === '')
      return code
    lookups.check(address(req))
    if (!await service.hasSession(code)) {
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

  const csvHeaders = (name: string): Record<string, string> => ({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
  const jsonHeaders = (name: string): Record<string, string> => ({ 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}.json"` })

  type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, params: Record<string, string>) => unknown
  const router = createRouter<Handler>()
  const on = (methods: string[], path: string, handler: Handler): void => {
    for (const method of methods)
      addRoute(router, method, path, handler)
  }

  // HEAD too: what uptime monitors and load balancers send.
  on(['GET', 'HEAD'], '/api/health', async (_req, res) => {
    const storage = await service.storage()
    sendJson(res, storage.ok ? 200 : 503, storage)
  })
  // Where phones join, and what names and colours the deck: the phone page and the console carry none of it.
  on(['GET'], '/api/info', (_req, res) => sendJson(res, 200, {
    joinUrl: joinUrl(),
    title: deck.title,
    fileStem: deck.fileStem,
    accent: deck.accent ?? null,
  }))
  // The deck and the console keep a token from a link only once this confirms it.
  on(['GET'], '/api/token', (req, res) => {
    requirePresenter(req)
    sendJson(res, 200, { ok: true })
  })
  on(['POST'], '/api/current', async (req, res, url) => {
    requirePresenter(req)
    const { poll } = await parseBody(req, CurrentBody)
    await service.setCurrent(await sessionOf(req, url), poll)
    sendJson(res, 200, { ok: true, poll })
  })

  on(['POST'], '/api/sessions', async (req, res) => {
    requirePresenter(req)
    sendJson(res, 201, {
      code: await service.createSession(),
    })
  })
  on(['GET'], '/api/sessions', async (req, res) => {
    requirePresenter(req)
    sendJson(res, 200, await service.sessions())
  })
  // A code as typed anywhere else: any case, stray spaces; `default` is the default session.
  const codeParam = (raw: string): string => {
    try {
      return sessionCodeOf(decodeURIComponent(raw))
    }
    catch {
      // Not percent-encoding (a stray "%"): no code can be spelt so, and it is refused as unknown.
      return raw
    }
  }
  on(['DELETE'], '/api/sessions/:code', async (req, res, _url, params) => {
    requirePresenter(req)
    const code = codeParam(params.code!)
    await service.deleteSession(code)
    sendJson(res, 200, { ok: true, code })
  })
  on(['PATCH'], '/api/sessions/:code', async (req, res, _url, params) => {
    requirePresenter(req)
    const code = codeParam(params.code!)
    if (code === '')
      throw new PollError(400, 'the default session has no name; name a workshop session')
    const { name } = await parseBody(req, SessionNameSchema)
    await service.setSessionName(code, name)
    sendJson(res, 200, { ok: true, code, name })
  })
  // Workshop sessions side by side, for the debrief: the console, the projector (?sessions=) and exports.
  on(['GET'], '/api/compare', async (req, res, url) => {
    requirePresenter(req)
    lookups.check(address(req))
    const compared = await comparedCodes(url.searchParams.get('sessions') ?? '', service.hasSession)
    if (!compared.ok) {
      if (compared.status === 404)
        lookups.failed(address(req))
      throw new PollError(compared.status, compared.error)
    }
    const { codes } = compared
    const format = url.searchParams.get('format') ?? 'json'
    if (format !== 'json' && format !== 'csv')
      throw new PollError(400, 'format must be csv or json')
    const name = `${deck.fileStem}-comparison-${codes.map(code => code || 'default').join('-')}`
    if (format === 'csv')
      return sendPieces(res, csvHeaders(name), await service.compareCsv(codes, minGroupSize))
    // A download lists every text group: each poll compared as it is written, in pieces, as the session exports are.
    if (url.searchParams.has('download'))
      return sendPieces(res, jsonHeaders(name), jsonPieces(await service.compareJson(codes, minGroupSize)))
    // The projector's unless the console asks for its own: the deck honours Hide/Reveal, as a session's slides do.
    const view = url.searchParams.get('view') ?? 'projector'
    if (view !== 'projector' && view !== 'console')
      throw new PollError(400, 'view must be projector or console')
    sendJson(res, 200, await service.compare(codes, minGroupSize, view))
  })
  on(['GET'], '/api/sessions/:code/export', async (req, res, url, params) => {
    requirePresenter(req)
    const code = codeParam(params.code!)
    if (!await service.hasSession(code))
      throw new PollError(404, `unknown session "${code}"`)
    const format = url.searchParams.get('format') ?? 'json'
    const name = `${deck.fileStem}-results-${code || 'default'}`
    if (format !== 'json' && format !== 'csv')
      throw new PollError(400, 'format must be csv or json')
    // Written as the rows are read, a page at a time, at the pace the client reads (writePieces.ts).
    return format === 'csv'
      ? sendPieces(res, csvHeaders(name), service.exportCsv(code))
      : sendPieces(res, jsonHeaders(name), jsonPieces(service.exportJson(code)))
  })

  // The deck's poll definitions: the phone page and the console carry none of their own.
  on(['GET'], '/api/polls', (_req, res) => sendJson(res, 200, service.polls))
  /** Routes on one poll of one session: the poll (404) and the session (404, a failed look-up) must exist. */
  const onPoll = (method: string, action: string, handler: (req: IncomingMessage, res: ServerResponse, session: string, id: string) => unknown): void =>
    on([method], `/api/polls/:id/${action}`, async (req, res, url, params) => {
      const id = params.id!
      service.poll(id)
      return handler(req, res, await sessionOf(req, url), id)
    })

  on(['POST'], '/api/polls/:id/votes', async (req, res, url, params) => {
    // Before anything else: another site's page learns nothing, not even whether the poll exists.
    checkVoteRequest(req)
    const id = params.id!
    service.poll(id)
    const session = await sessionOf(req, url)
    const { participant, answer: given } = await parseBody(req, VoteBody)
    const answer = await service.vote(session, id, participant, given)
    sendJson(res, 200, { ok: true, poll: id, answer })
  })
  onPoll('GET', 'results', async (req, res, session, id) => sendJson(res, 200, isPresenter(req)
    ? await service.results(session, id)
    : await service.publicResults(session, id)))
  onPoll('GET', 'hidden-answers', async (req, res, session, id) => {
    requirePresenter(req)
    sendJson(res, 200, await service.hiddenTexts(session, id))
  })
  onPoll('POST', 'hide-answer', async (req, res, session, id) => {
    requirePresenter(req)
    const { text } = await parseBody(req, AnswerTextBody)
    sendJson(res, 200, {
      ok: true,
      hidden: await service.hideText(session, id, text),
    })
  })
  onPoll('POST', 'unhide-answer', async (req, res, session, id) => {
    requirePresenter(req)
    const { text } = await parseBody(req, AnswerTextBody)
    sendJson(res, 200, {
      ok: true,
      shown: await service.unhideText(session, id, text),
    })
  })
  for (const action of presenterActions) {
    onPoll('POST', action, async (req, res, session, id) => {
      requirePresenter(req)
      sendJson(res, 200, {
        ok: true,
        poll: id,
        ...await service[action](session, id),
      })
    })
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET'
    if (method === 'POST' && !limiter.take(address(req)))
      throw new PollError(429, 'too many requests: slow down')
    const match = findRoute(router, method, url.pathname)
    if (!match)
      throw new PollError(404, 'not found')
    await match.data(req, res, url, match.params ?? {})
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
        // A refusal of the sender's own making that no check could foresee is paid for from its address's budget.
        if (err.options.costsSender)
          limiter.take(address(req))
        if (err.options.retry)
          res.setHeader('retry-after', '1')
        sendJson(res, err.status, err.options.retry
          ? { error: err.message, retry: true }
          : { error: err.message })
      }
      else if (err instanceof StorageError) {
        // Logged where it happened (or, for a read, the database is simply gone for now): say so, not "internal".
        sendJson(res, 503, { error: 'the server cannot use its database right now; try again' })
      }
      else {
        sendJson(res, 500, { error: 'internal error' })
      }
    })
  }
}
