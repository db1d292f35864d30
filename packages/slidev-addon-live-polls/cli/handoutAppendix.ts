import type { Poll, PollResults, TextEntry } from '../polls/types'
import { plural } from '../i18n/plural'
import { escapeHtml } from './escapeHtml'

export interface PollWithResults {
  poll: Poll
  results: PollResults
}

/** Text answers listed per poll (about five pages); the rest are counted in one line. */
export const TEXT_ROWS = 200

const numbers = new Intl.NumberFormat('en')
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** "1 answer", "3,000 answers": the number formatted, the noun by plural rule. */
export function counted(n: number, one: string, other: string): string {
  const shown = numbers.format(n)
  return plural('en', n, { one: `${shown} ${one}`, other: `${shown} ${other}` })
}

/** A share as a whole percentage; a dash of nobody. */
export function pct(n: number, of: number): string {
  return of
    ? `${Math.round((n / of) * 100)}%`
    : '–'
}

// Quotes, dashes and the like in front of an answer do not decide where it is listed.
const LEADING_MARKS = /^[\p{P}\p{S}\s]+/u

/** Most frequent first; equal counts alphabetically, ignoring leading punctuation, then as typed. */
export function sortTextEntries(entries: TextEntry[]): TextEntry[] {
  return entries.map(e => ({
    entry: e,
    key: e.text.replace(LEADING_MARKS, ''),
  })).sort((a, b) =>
    b.entry.count - a.entry.count
    || collator.compare(a.key, b.key)
    || (a.entry.text < b.entry.text
      ? -1
      : a.entry.text > b.entry.text
        ? 1
        : 0)).map(({ entry }) => entry)
}

interface Bar {
  label: string
  /** A second, smaller line under the label. */
  detail?: string
  /** Bar length, 0–1. */
  share: number
  /** Where a reference figure's marker sits, 0–1. */
  reference?: number
  value: string
}

function chart(bars: Bar[]): string {
  return `<div class="chart">${bars.map(bar => `<div class="bar">
    <div class="label">${escapeHtml(bar.label)}${bar.detail
      ? `<span class="detail">${escapeHtml(bar.detail)}</span>`
      : ''}</div>
    <div class="cell"><div class="track"><div class="fill" style="width:${(bar.share * 100).toFixed(1)}%"></div>${bar.reference === undefined
      ? ''
      : `<div class="reference" style="left:${(bar.reference * 100).toFixed(1)}%"></div>`}</div></div>
    <div class="value">${escapeHtml(bar.value)}</div>
  </div>`).join('')}</div>`
}

function pollBody({ poll, results }: PollWithResults): string {
  const of = results.participants
  switch (results.kind) {
    case 'single':
    case 'multiple': {
      const options = 'options' in poll
        ? poll.options
        : []
      return chart(options.map((o) => {
        const n = results.counts[o.id] ?? 0
        return {
          label: o.label,
          detail: o.reference === undefined
            ? undefined
            : `${poll.referenceName ?? 'Reference'} ${o.reference}%${o.referenceNote
              ? ` (${o.referenceNote})`
              : ''}`,
          share: of
            ? n / of
            : 0,
          reference: o.reference === undefined
            ? undefined
            : o.reference / 100,
          value: `${n} · ${pct(n, of)}`,
        }
      })) + (poll.referenceLabel
        ? `<p class="source"><span class="legend"></span>${escapeHtml(poll.referenceLabel)}</p>`
        : '')
    }
    case 'scale': {
      const ends = poll.kind === 'scale'
        ? { [poll.min]: poll.minLabel, [poll.max]: poll.maxLabel }
        : {}
      return `${chart(Object.entries(results.counts).map(([point, n]) => ({
        label: ends[Number(point)]
          ? `${point} · ${ends[Number(point)]}`
          : point,
        share: of
          ? n / of
          : 0,
        value: `${n} · ${pct(n, of)}`,
      })))}<p class="total">Mean: ${results.mean ?? '–'}</p>`
    }
    case 'ranking': {
      const best = Math.max(1, ...Object.values(results.scores))
      return chart(results.order.map((id, i) => ({
        label: `${i + 1}. ${'options' in poll
          ? poll.options.find(o => o.id === id)?.label ?? id
          : id}`,
        share: (results.scores[id] ?? 0) / best,
        value: counted(results.scores[id] ?? 0, 'point', 'points'),
      })))
    }
    case 'text': {
      const entries = sortTextEntries(results.entries)
      if (!entries.length)
        return '<p class="total">No answers.</p>'
      const listed = entries.slice(0, TEXT_ROWS)
      const left = entries.length - listed.length + results.moreEntries
      const most = listed[0]!.count
      const fewest = listed.at(-1)!.count
      const rarest = `${counted(fewest, 'participant', 'participants')}${fewest > 1
        ? ' or fewer'
        : ''}`
      return chart(listed.map(e => ({
        label: e.text,
        share: e.count / most,
        value: String(e.count),
      }))) + (left
        ? `<p class="total">${plural('en', left, {
          one: `1 more answer (given by ${rarest}) is not listed here;`,
          other: `${numbers.format(left)} more answers (each given by ${rarest}) are not listed here;`,
        })} <code>npm run results</code> exports every answer.</p>`
        : '')
    }
  }
}

const KIND: Record<Poll['kind'], string> = {
  single: 'single choice',
  multiple: 'multiple choice: shares of participants, adding up to more than 100%',
  scale: 'scale',
  text: 'open text, equal answers grouped',
  ranking: 'ranking, Borda points: of n options the first gets n−1, the last 0',
}

/** Every poll with its chart and numbers; pages break where they must, a small poll is kept whole. */
export function appendixHtml(polls: PollWithResults[], session: string): string {
  return `<section class="appendix">
    <h1>Results appendix</h1>
    <p class="meta">Session ${escapeHtml(session)}: every poll with this session's final results, hidden ones included.</p>
    ${polls.map(p => `<article class="poll ${p.results.kind}" data-poll="${escapeHtml(p.poll.id)}">
      <h2>${escapeHtml(p.poll.question)}</h2>
      <p class="meta">${counted(p.results.participants, 'answer', 'answers')} · ${KIND[p.poll.kind]}</p>
      ${pollBody(p)}
    </article>`).join('')}
  </section>`
}
