import type { Poll, PollResults } from '../polls/types'

export interface HandoutSlide {
  no: number
  title: string
  note: string
}

export interface HandoutData {
  title: string
  author: string
  session: string
  date: string
  participants: number
  polls: { poll: Poll, results: PollResults }[]
  slides: HandoutSlide[]
}

/** Everything a participant typed goes through here: text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

function pct(n: number, of: number): string {
  return of
    ? `${Math.round((n / of) * 100)}%`
    : '–'
}

function resultRows({ poll, results }: { poll: Poll, results: PollResults }): string {
  const row = (label: string, value: string, extra = ''): string =>
    `<tr><td>${escapeHtml(label)}</td><td class="num">${value}</td><td class="num">${extra}</td></tr>`
  switch (results.kind) {
    case 'single':
    case 'multiple':
      return 'options' in poll
        ? poll.options.map(o => row(o.label, String(results.counts[o.id] ?? 0), pct(results.counts[o.id] ?? 0, results.participants))).join('')
        : ''
    case 'scale':
      return Object.entries(results.counts).map(([point, n]) => row(point, String(n), pct(n, results.participants))).join('')
        + row('Mean', results.mean === null
          ? '–'
          : String(results.mean))
    case 'ranking':
      return results.order.map((id, i) => row(`${i + 1}. ${'options' in poll
        ? poll.options.find(o => o.id === id)?.label ?? id
        : id}`, `${results.scores[id]} pts`)).join('')
    case 'text':
      return results.entries.map(e => row(e.text, String(e.count))).join('') || row('(no answers)', '')
  }
}

/** Cover, speaker notes and a results appendix (one page per poll), sized like the deck's pages. */
export function handoutHtml(data: HandoutData): string {
  const session = data.session || 'default (conference)'
  const notes = data.slides.filter(s => s.note.trim())
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    @page { size: 980px 551px; margin: 0; }
    body { margin: 0; font-family: Lato, 'DejaVu Sans', 'Noto Color Emoji', sans-serif; color: #111; }
    section { width: 980px; height: 545px; box-sizing: border-box; padding: 40px 56px; page-break-after: always; overflow: hidden; }
    .cover { background: #fbe5dc; display: flex; flex-direction: column; justify-content: flex-end; }
    h1 { font-size: 34px; margin: 0 0 12px; } h2 { font-size: 24px; margin: 0 0 12px; }
    .meta { font-size: 16px; line-height: 1.6; }
    .notes { height: auto; min-height: 0; overflow: visible; page-break-after: always; }
    .note { break-inside: avoid; margin-bottom: 10px; font-size: 12px; white-space: pre-wrap; }
    .note b { font-size: 13px; }
    table { border-collapse: collapse; width: 100%; font-size: 15px; }
    td { padding: 4px 8px; border-bottom: 1px solid #ddd; } .num { text-align: right; width: 90px; }
    .small { font-size: 12px; color: #555; }
  </style></head><body>
  <section class="cover">
    <p class="meta">${escapeHtml(data.author)}</p>
    <h1>${escapeHtml(data.title)}</h1>
    <p class="meta">Workshop handout · session <b data-session>${escapeHtml(session)}</b> · ${escapeHtml(data.date)}<br>
    ${data.participants} participants answered the polls. Their results are on the poll slides and in the appendix.</p>
    <p class="small">No personal data was collected: participants were anonymous random ids.</p>
  </section>
  <section class="notes"><h2>Speaker notes</h2>
    ${notes.map(s => `<div class="note"><b>${s.no}. ${escapeHtml(s.title)}</b>\n${escapeHtml(s.note.trim())}</div>`).join('')}
  </section>
  ${data.polls.map(p => `<section><p class="small">Results appendix · session ${escapeHtml(session)}</p>
    <h2>${escapeHtml(p.poll.question)}</h2>
    <p class="small">${p.results.participants} answers · ${p.poll.kind}</p>
    <table>${resultRows(p)}</table></section>`).join('')}
  </body></html>`
}
