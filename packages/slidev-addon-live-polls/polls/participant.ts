import * as v from 'valibot'

/** A participant is a random id the phone keeps in localStorage: 8–64 URL-safe characters, nothing personal. */
export const ParticipantSchema = v.pipe(
  v.string('participant must be a string'),
  v.regex(/^[\w-]{8,64}$/, 'participant must be 8–64 characters: letters, digits, - or _'),
)
