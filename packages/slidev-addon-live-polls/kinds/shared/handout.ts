import type { MessageKey, Translator } from '../../i18n/useMessages.ts'
import { escapeHtml } from '../../cli/escapeHtml.ts'
import { messagesIn } from '../../i18n/useMessages.ts'

// What the PDF handout (cli/handout.ts) renders of a kind, and the pieces the kinds' renderings share. The handout
// speaks the deck's language (a Translator, i18n/useMessages.ts); its HTML is drawn from these strings (no Vue: the
// CLI prints it with Chromium).

/** What the handout renders of a kind (kinds/handouts.ts lists each kind's). */
export interface KindHandout<P, R> {
  /** After a single session's answer count in its appendix ("4 answers · single choice"): its message. */
  label: MessageKey
  /** After a compared poll's answer count in the compared appendix: what its table's figures are. */
  comparedLabel: MessageKey
  /** Added to a compared poll page's subtitle ("· place by Borda points"), where the figures need saying. */
  comparedNote?: MessageKey
  /** A single session's results in the appendix: bars with their figures, and any line under them. */
  body: (poll: P, results: R, m: Translator) => string
}

/** The handout's language when none is given: English. */
export const ENGLISH = messagesIn('en')

/** A share as a whole percentage, as the language writes it ("25%", "25 %"); a dash of nobody. */
export function pct(n: number, of: number, m: Translator = ENGLISH): string {
  return of
    ? m.t('slide.share', {
        share: Math.round((n / of) * 100),
      })
    : '–'
}

/** "Survey 30% (an earlier round)": an option's reference figure as the handout writes it under its label. */
export function referenceDetail(poll: { referenceName?: string }, option: { reference?: number, referenceNote?: string }, m: Translator = ENGLISH): string | undefined {
  return option.reference === undefined
    ? undefined
    : `${poll.referenceName ?? m.t('slide.reference')} ${m.t('slide.share', { share: option.reference })}${option.referenceNote
      ? ` (${option.referenceNote})`
      : ''}`
}

export interface Bar {
  label: string
  /** A second, smaller line under the label. */
  detail?: string
  /** Bar length, 0–1. */
  share: number
  /** Where a reference figure's marker sits, 0–1. */
  reference?: number
  value: string
}

/** The appendix's bars: a label, a track with its fill (and a reference marker), the figure. */
export function chart(bars: Bar[]): string {
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
