/** A refusal the transports turn into a status code and `{ error }` (HTTP) or an error message (WebSocket). */
export class PollError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, message: string) {
    super(message)
  }
}
