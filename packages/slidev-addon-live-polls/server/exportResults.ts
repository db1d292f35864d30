import type { Answer, Poll, PollResults } from '../polls/types.ts'
import { createHash } from 'node:crypto'

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

function answerText(answer: Answer, kind: Poll['kind']): string {
  if (Array.isArray(answer)) {
    return answer.join(kind === 'ranking'
      ? ' > '
      : '; ')
  }
  return String(answer)
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

/**
 * One row per answer: session, poll, kind, participant pseudonym, answer, time (ISO 8601), session after
 * session. The header is the first line, as spreadsheets and CSV readers expect: the privacy note travels in
 * the JSON export and on the CLI's stderr, never as a comment line here.
 */
export function toCsv(sessions: { session: string, rows: AnswerRow[] }[], polls: Poll[]): string {
  const kinds = new Map(polls.map(p => [p.id, p.kind]))
  const lines = [
    'session,poll,kind,participant,answer,time',
    ...sessions.flatMap(({ session, rows }) => rows.map(r => [
      session || 'default',
      r.poll,
      kinds.get(r.poll) ?? '',
      pseudonym(session, r.participant),
      answerText(r.answer, kinds.get(r.poll) ?? 'single'),
      new Date(r.at).toISOString(),
    ].map(csvCell).join(','))),
  ]
  return `${lines.join('\n')}\n`
}

/** Per poll: the question, the aggregate and every raw answer. */
export function toJson(session: string, rows: AnswerRow[], polls: Poll[], results: (poll: string) => PollResults) {
  return {
    privacy: PRIVACY_NOTE,
    session: session || 'default',
    exportedAt: new Date().toISOString(),
    polls: polls.map(poll => ({
      id: poll.id,
      kind: poll.kind,
      question: poll.question,
      options: 'options' in poll
        ? poll.options.map(({ id, label }) => ({ id, label }))
        : undefined,
      results: results(poll.id),
      answers: rows.filter(r => r.poll === poll.id).map(r => ({
        participant: pseudonym(session, r.participant),
        answer: r.answer,
        time: new Date(r.at).toISOString(),
      })),
    })),
  }
}
