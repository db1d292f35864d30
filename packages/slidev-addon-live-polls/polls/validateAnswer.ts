import type { PollOf } from '../kinds/definitions.ts'
import type { Answer, Poll } from './types.ts'
import * as v from 'valibot'
import { answers } from '../kinds/definitions.ts'

export type Checked = { ok: true, answer: Answer } | { ok: false, error: string }

/** The schema an answer to `poll` must satisfy; built per poll by its kind (kinds/<kind>/definition.ts). */
function answerSchema(poll: Poll): v.GenericSchema<unknown, Answer> {
  // The kind's own function, for a poll of that kind: `answers` is keyed by kind, so the pair always matches.
  const schema = answers[poll.kind] as (poll: PollOf<Poll['kind']>) => v.GenericSchema<unknown, Answer>
  return schema(poll)
}

/** Checks (and for text, tidies) an answer; the error says what was expected. */
export function validateAnswer(poll: Poll, answer: unknown): Checked {
  const result = v.safeParse(answerSchema(poll), answer)
  if (result.success)
    return { ok: true, answer: result.output }
  return { ok: false, error: `answer must be ${result.issues[0].message}` }
}
