import * as v from 'valibot'
import { normalizeAnswerText } from './normalizeText.ts'
import { isWellFormedText } from './textCharacters.ts'

/** At most this many groups side by side: more would not fit a slide or a page, and each costs a pass over its answers. */
export const MAX_COMPARED = 8

/** `?sessions=A,B` or `--sessions A,B`: session codes as typed, comma-separated, `default` for the default session. */
export const ComparedSessionsSchema = v.pipe(
  v.string('sessions must be codes separated by commas, e.g. K7MPX2,Q4TRW9'),
  v.maxLength(200, 'sessions: too long'),
  v.transform(list => [
    ...new Set(list.split(',').map(code => code.trim()).filter(Boolean)),
  ]),
  v.minLength(1, 'sessions: name at least one session code'),
  v.maxLength(MAX_COMPARED, `sessions: at most ${MAX_COMPARED} sessions side by side`),
)

/** A facilitator's short name for a session ("Group 1 — municipalities"); empty or null clears it. */
export const SessionNameSchema = v.object({
  name: v.pipe(
    v.nullable(v.pipe(v.string(), v.maxLength(200), v.check(isWellFormedText, 'name must be well-formed Unicode text (it holds half of a UTF-16 surrogate pair)'))),
    v.transform(name => (name === null
      ? ''
      : normalizeAnswerText(name)) || null),
    v.nullable(v.pipe(v.string(), v.maxLength(60, 'name: at most 60 characters'))),
  ),
}, 'body must be {"name": "<short name>"} or {"name": null}')
