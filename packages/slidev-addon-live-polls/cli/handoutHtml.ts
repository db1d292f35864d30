import type { DeckFonts } from './deckFontFaces'
import type { PollWithResults } from './handoutAppendix'
import type { HandoutComparison } from './handoutComparison'
import { cssFamily } from './deckFontFaces'
import { escapeHtml } from './escapeHtml'
import { appendixHtml, counted } from './handoutAppendix'
import { comparedAppendixCss, comparedAppendixHtml } from './handoutAppendixCompared'
import { comparedSlideHtml, comparisonCoverHtml, comparisonCss } from './handoutComparison'

export interface HandoutSlide {
  no: number
  title: string
  note: string
  /** The id of the poll the slide shows, if it is a poll slide. */
  poll?: string
}

interface HandoutBase {
  /** The deck's title, in every page's footer. */
  title: string
  date: string
  slides: HandoutSlide[]
  /** The deck PDF's page width over its height. */
  slideAspect: number
  /** The deck's font families, and their @font-face rules (deckFontFaces.ts). */
  fonts: DeckFonts
  fontFaces: string
  /** The deck's theme colour (a checked hex colour, server/domain/deckPolls.ts), for the bars. */
  accent?: string
}

/** One workshop session's handout. */
export interface SessionHandout extends HandoutBase {
  session: string
  participants: number
  polls: PollWithResults[]
}

/** Several sessions side by side: the poll slides drawn as small multiples, the appendix in tables. */
export interface ComparisonHandout extends HandoutBase {
  comparison: HandoutComparison
}

export type HandoutData = SessionHandout | ComparisonHandout

/** What the handout works out itself from the deck's PDF and fonts. */
export type HandoutInput = Omit<SessionHandout, 'slideAspect' | 'fontFaces'> | Omit<ComparisonHandout, 'slideAspect' | 'fontFaces'>

/** The slides whose page carries the handout's own drawing in place of the deck's slide (compared poll slides). */
export function drawnSlides(data: HandoutInput): Set<number> {
  return new Set('comparison' in data
    ? data.slides.filter(s => s.poll && data.comparison.polls.some(p => p.id === s.poll)).map(s => s.no)
    : [])
}

/**
 * A4 portrait, in millimetres. Each slide's notes page is one sheet: a frame at the top of the page's
 * content box, where the slide's own PDF page is drawn afterwards (notesPages.ts), its notes below.
 * The running header and footer sit in the top and bottom margins, still at least 15 mm from the edge.
 */
export const SHEET = {
  width: 210,
  height: 297,
  side: 18,
  top: 24,
  bottom: 24,
}

export const contentWidth = SHEET.width - 2 * SHEET.side

export function slideFrame(aspect: number): { x: number, top: number, width: number, height: number } {
  return {
    x: SHEET.side,
    top: SHEET.top,
    width: contentWidth,
    height: contentWidth / aspect,
  }
}

/** Speaker notes are Markdown: paragraphs, and `- ` lists whose items may run over indented lines. */
export function notesHtml(note: string): string {
  const blocks: string[] = []
  let paragraph: string[] = []
  let items: string[] = []
  const flush = (): void => {
    if (paragraph.length)
      blocks.push(`<p>${escapeHtml(paragraph.join(' '))}</p>`)
    if (items.length)
      blocks.push(`<ul>${items.map(i => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`)
    paragraph = []
    items = []
  }
  for (const line of note.trim().split('\n')) {
    const item = /^\s*[-*]\s(.*)$/.exec(line)
    if (!line.trim()) {
      flush()
    }
    else if (item) {
      if (paragraph.length)
        flush()
      items.push(item[1]!.trim())
    }
    else if (items.length && /^\s/.test(line)) {
      items[items.length - 1] += ` ${line.trim()}`
    }
    else {
      if (items.length)
        flush()
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks.join('')
}

/** Running header and footer text: in the margin, small, in the deck's body font. */
function marginText(body: string, align: 'bottom' | 'top'): string {
  return `font: 8pt ${cssFamily(body)}, sans-serif; color: #777; vertical-align: ${align}; padding-${align}: 3mm;`
}

/** A CSS string literal; `<` escaped too, so nothing closes the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<]/g, c => `\\${c.charCodeAt(0).toString(16)} `).replace(/\s/g, ' ')}"`
}

function sheet(slide: HandoutSlide, count: number, frameHeight: number, extra = '', framed = ''): string {
  return `<section class="sheet" data-slide="${slide.no}">
    <div class="frame" style="height:${frameHeight.toFixed(2)}mm">${framed}</div>
    ${extra}
    <p class="caption">Slide ${slide.no} of ${count}${slide.title
      ? ` · ${escapeHtml(slide.title)}`
      : ''}</p>
    <div class="notes">${notesHtml(slide.note) || '<p class="none">No speaker notes.</p>'}</div>
  </section>`
}

/**
 * The handout as one document: a notes page per slide (the first, the deck's cover, with the handout's
 * session or groups, date and participants), then the results appendix.
 */
export function handoutHtml(data: HandoutData): string {
  const frame = slideFrame(data.slideAspect)
  const [first, ...rest] = data.slides
  const compared = 'comparison' in data
    ? data.comparison
    : undefined
  const session = 'session' in data
    ? data.session || 'default (conference)'
    : ''
  const subject = compared
    ? `${compared.groups.length} groups compared`
    : `session ${session}`
  const cover = 'session' in data
    ? `<div class="handout">
    <p class="kicker">Workshop handout · session <b>${escapeHtml(session)}</b> · ${escapeHtml(data.date)}</p>
    <p>${counted(data.participants, 'participant', 'participants')} answered the polls. Each slide follows with its
    speaker notes; the poll slides show this session's final results, hidden ones included, and the
    results appendix after the last slide gives every poll's numbers.</p>
    <p class="small">No personal data was collected: participants were anonymous random ids.</p>
  </div>`
    : comparisonCoverHtml(data.comparison, data.date)
  // A compared poll slide is drawn here, in the frame where the deck's slide would go (notesPages.ts leaves it).
  const framed = (slide: HandoutSlide): string => {
    const poll = compared && slide.poll && compared.polls.find(p => p.id === slide.poll)
    return poll
      ? comparedSlideHtml(compared, poll)
      : ''
  }
  const accent = data.accent ?? '#334155'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    ${data.fontFaces}
    @page {
      size: A4;
      margin: ${SHEET.top}mm ${SHEET.side}mm ${SHEET.bottom}mm;
      @bottom-left { content: ${cssString(`${data.title} · workshop handout, ${subject}`)}; ${marginText(data.fonts.body, 'top')} }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); ${marginText(data.fonts.body, 'top')} }
    }
    @page appendix { @top-left { content: ${cssString(`Results appendix · ${subject}`)}; ${marginText(data.fonts.body, 'bottom')} } }
    .appendix { page: appendix; }
    html { font: 11pt/1.45 ${cssFamily(data.fonts.body)}, 'Noto Color Emoji', sans-serif; color: #111; overflow-wrap: anywhere; }
    body { margin: 0; }
    h1, h2, .kicker { font-family: ${cssFamily(data.fonts.headings)}, ${cssFamily(data.fonts.body)}, 'Noto Color Emoji', sans-serif; font-weight: 700; }
    code { font-family: ${cssFamily(data.fonts.code)}, monospace; font-size: 0.9em; }
    p { margin: 0 0 0.6em; }
    ul { margin: 0 0 0.6em; padding-left: 1.2em; }
    /* A sheet is exactly one page (a hair less, so rounding never spills a blank one). */
    .sheet { height: ${SHEET.height - SHEET.top - SHEET.bottom - 0.5}mm; overflow: hidden; break-after: page; display: flex; flex-direction: column; }
    .frame { flex: none; margin-bottom: 7mm; }
    .caption { font-size: 9pt; color: #555; border-bottom: 0.25mm solid #ccc; padding-bottom: 1.5mm; margin-bottom: 4mm; }
    .notes { flex: 1; min-height: 0; }
    .none { color: #777; }
    .handout { background: #fbe5dc; padding: 5mm 6mm 2mm; margin-bottom: 7mm; }
    .handout .kicker { font-size: 13pt; margin-bottom: 2mm; }
    .small, .meta, .source { font-size: 9pt; color: #555; }
    .appendix h1 { font-size: 20pt; margin: 0 0 2mm; }
    .poll { margin-top: 9mm; }
    .poll:not(.text) { break-inside: avoid; }
    .poll h2 { font-size: 13pt; line-height: 1.3; margin: 0 0 1mm; break-after: avoid; }
    .poll .meta { break-after: avoid; }
    .chart { display: grid; grid-template-columns: minmax(0, 1fr) 66mm 24mm; }
    .bar { display: contents; }
    .label, .cell, .value { align-self: stretch; padding: 1.2mm 0; border-bottom: 0.2mm solid #eee; break-inside: avoid; }
    /* Bar and figures on the label's first line; a reference figure or a wrapped answer goes below. */
    .cell, .value { display: flex; align-items: flex-start; }
    .label { min-width: 0; }
    .cell { padding-left: 4mm; }
    .detail { display: block; font-size: 8pt; color: #555; }
    .value { justify-content: flex-end; font-variant-numeric: tabular-nums; font-weight: 700; }
    .track { flex: 1; position: relative; height: 3.2mm; margin-top: 1.2mm; background: #eee; border-radius: 0.8mm; }
    .fill { height: 100%; background: ${accent}; border-radius: 0.8mm; }
    .reference { position: absolute; top: -0.8mm; bottom: -0.8mm; width: 0.7mm; background: #2f6b4f; }
    .legend { display: inline-block; width: 0.7mm; height: 0.9em; margin-right: 1.5mm; vertical-align: -0.1em; background: #2f6b4f; }
    .total { margin-top: 2mm; font-weight: 700; }
    .total code { font-weight: 400; }
    .source { margin-top: 2mm; }
    ${compared
      ? comparisonCss(accent, data.fonts.headings, data.fonts.body) + comparedAppendixCss
      : ''}
  </style></head><body>
  ${first
    ? sheet(first, data.slides.length, frame.height, cover, framed(first))
    : ''}
  ${rest.map(s => sheet(s, data.slides.length, frame.height, '', framed(s))).join('')}
  ${'session' in data
    ? appendixHtml(data.polls, session)
    : comparedAppendixHtml(data.comparison)}
  </body></html>`
}
