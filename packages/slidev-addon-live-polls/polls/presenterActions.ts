/** What a presenter can do to a poll (`POST /api/polls/:id/<action>`): the server, the slides and the console. */
export const presenterActions = [
  'open',
  'close',
  'reset',
  'reveal',
  'hide',
] as const
export type PresenterAction = typeof presenterActions[number]
