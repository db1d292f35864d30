import type { Translator } from '../i18n/useMessages'
import type { Poll, PollResults } from '../polls/types'
import { handoutOf } from '../kinds/handouts'
import { ENGLISH } from '../kinds/shared/handout'
import { escapeHtml } from './escapeHtml'

export { pct } from '../kinds/shared/handout'
export { sortTextEntries, TEXT_ROWS } from '../kinds/text/handout'

export interface PollWithResults {
  poll: Poll
  results: PollResults
}

/** Every poll with its chart and numbers, as its kind draws them; pages break where they must, a small poll is kept whole. */
export function appendixHtml(polls: PollWithResults[], session: string, m: Translator = ENGLISH): string {
  return `<section class="appendix">
    <h1>${m.t('handout.appendix')}</h1>
    <p class="meta">${m.t('handout.appendixMeta', {
      session: escapeHtml(session),
    })}</p>
    ${polls.map(({ poll, results }) => `<article class="poll ${results.kind}" data-poll="${escapeHtml(poll.id)}">
      <h2>${escapeHtml(poll.question)}</h2>
      <p class="meta">${m.t('handout.answers', { n: results.participants })} · ${m.t(handoutOf(poll).label)}</p>
      ${handoutOf(poll).body(poll, results, m)}
    </article>`).join('')}
  </section>`
}
