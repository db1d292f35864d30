export interface PollErrorOptions {
  /** The same request may well succeed in a moment (the database was slow or unavailable): clients try again. */
  retry?: boolean
  /** The sender's own request was at fault in a way checks could not tell in advance: it costs its address's budget. */
  costsSender?: boolean
}

/** A refusal the transports turn into a status code and `{ error }` (HTTP) or an error message (WebSocket). */
export class PollError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, message: string, readonly options: PollErrorOptions = {}) {
    super(message)
  }
}
