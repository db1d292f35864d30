import type { Poll, PollResults } from '../polls/types'
import { handoutOf } from '../kinds/handouts'
import { counted } from '../kinds/shared/handout'
import { escapeHtml } from './escapeHtml'

export { counted, pct } from '../kinds/shared/handout'
export { sortTextEntries, TEXT_ROWS } from '../kinds/text/handout'

export interface PollWithResults {
  poll: Poll
  results: PollResults
}

/** Every poll with its chart and numbers, as its kind draws them; pages break where they must, a small poll is kept whole. */
export function appendixHtml(polls: PollWithResults[], session: string): string {
  return `<section class="appendix">
    <h1>Results appendix</h1>
    <p class="meta">Session ${escapeHtml(session)}: every poll with this session's final results, hidden ones included.</p>
    ${polls.map(({ poll, results }) => `<article class="poll ${results.kind}" data-poll="${escapeHtml(poll.id)}">
      <h2>${escapeHtml(poll.question)}</h2>
      <p class="meta">${counted(results.participants, 'answer', 'answers')} · ${handoutOf(poll).label}</p>
      ${handoutOf(poll).body(poll, results)}
    </article>`).join('')}
  </section>`
}
