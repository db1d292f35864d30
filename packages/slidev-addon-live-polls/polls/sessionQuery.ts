/** `?session=CODE` for API and page URLs, or '' for the default session: how every client names a session. */
export function sessionQuery(code: string): string {
  return code
    ? `?session=${encodeURIComponent(code)}`
    : ''
}
