import type { Answer, Poll, PollResults } from '../../polls/types.ts'
import { createHash } from 'node:crypto'
import { countingOf } from '../../kinds/counting.ts'

export interface AnswerRow {
  poll: string
  participant: string
  answer: Answer
  at: number
}

export const PRIVACY_NOTE = 'No personal data is collected: a participant is a random id made by their phone, shown here only as a pseudonym. No names, e-mail or IP addresses are stored.'

/** A stable pseudonym per session: the same phone across sessions cannot be linked. */
export function pseudonym(session: string, participant: string): string {
  return createHash('sha256').update(`${session}\n${participant}`).digest('hex').slice(0, 12)
}

/** An answer as its poll's kind writes it in a cell (kinds/<kind>/count.ts); an answer to no poll of the deck as is. */
function answerText(answer: Answer, poll: Poll | undefined): string {
  return poll
    ? countingOf(poll).answerText(answer)
    : Array.isArray(answer)
      ? answer.join('; ')
      : String(answer)
}

// Characters some readers take as line breaks, and NUL: dropped, so a cell cannot spill into a new row.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const BREAKERS = /[\0\u001C-\u001E\u0085\u2028\u2029]/g
// What a spreadsheet may split a cell on (the separators of comma-, semicolon-, tab- and pipe-separated
// files, and line ends), and what makes a cell a formula (with the full-width forms).
const SPLIT = /([,;\t|\r\n])/
const FORMULA = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * A CSV cell that is data in any reader: every piece a spreadsheet might split out (on `,`, `;`, tab,
 * `|` or a line end) that would start a formula gets a leading `'`, not just the value's first character.
 */
export function csvCell(value: string): string {
  const safe = value.replace(BREAKERS, '').split(SPLIT).map(piece => FORMULA.test(piece)
    ? `'${piece}`
    : piece).join('')
  return /[",;\t\n\r]/.test(safe)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe
}

export const CSV_HEADER = 'session,poll,kind,participant,answer,time'

/** The rows of one session's polls, each poll's read a page at a time. */
export interface SessionRows {
  session: string
  pages: AsyncIterable<AnswerRow[]>
}

/**
 * One row per answer: session, poll, kind, participant pseudonym, answer, time (ISO 8601), session after
 * session, a piece per page of rows read. The header is the first line, as spreadsheets and CSV readers
 * expect: the privacy note travels in the JSON export and on the CLI's stderr, never as a comment line here.
 */
export async function* csvPieces(sessions: Iterable<SessionRows>, polls: Poll[]): AsyncGenerator<string> {
  const byId = new Map(polls.map(p => [p.id, p]))
  yield `${CSV_HEADER}\n`
  for (const { session, pages } of sessions) {
    for await (const rows of pages) {
      yield rows.map(r => `${[
        session || 'default',
        r.poll,
        byId.get(r.poll)?.kind ?? '',
        pseudonym(session, r.participant),
        answerText(r.answer, byId.get(r.poll)),
        new Date(r.at).toISOString(),
      ].map(csvCell).join(',')}\n`).join('')
    }
  }
}

async function* answersOf(session: string, pages: AsyncIterable<AnswerRow[]>) {
  for await (const rows of pages) {
    for (const r of rows) {
      yield {
        participant: pseudonym(session, r.participant),
        answer: r.answer,
        time: new Date(r.at).toISOString(),
      }
    }
  }
}

/**
 * Per poll: the question, the aggregate and every raw answer. Written with jsonPieces: each poll's results are
 * read when it is written, and its answers a page at a time (`pages`), so the document is never held whole.
 */
export function exportDocument(session: string, polls: Poll[], results: (poll: string) => Promise<PollResults>, pages: (poll: string) => AsyncIterable<AnswerRow[]>) {
  return {
    privacy: PRIVACY_NOTE,
    session: session || 'default',
    exportedAt: new Date().toISOString(),
    polls: (async function* () {
      for (const poll of polls) {
        yield {
          id: poll.id,
          kind: poll.kind,
          question: poll.question,
          options: 'options' in poll
            ? poll.options.map(({ id, label }) => ({ id, label }))
            : undefined,
          results: await results(poll.id),
          answers: answersOf(session, pages(poll.id)),
        }
      }
    })(),
  }
}
