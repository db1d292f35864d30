import type { Comparison, Poll } from '../polls/types'
import type { Cell, HandoutGroup, Row } from './comparedTable'
import { handoutOf } from '../kinds/handouts'
import { largeEnough } from '../server/domain/compare'
import { comparedTable, fewerThan } from './comparedTable'
import { cssFamily } from './deckFontFaces'
import { escapeHtml } from './escapeHtml'
import { counted } from './handoutAppendix'

/** A handout of several workshop sessions side by side (`npm run handout -- --sessions A,B`). */
export interface HandoutComparison {
  /** GET /api/compare's answer, with every text group listed (pollService.compare with `full`). */
  comparison: Comparison
  polls: Poll[]
  /** In the order compared. */
  groups: HandoutGroup[]
}

/**
 * Text answers each group lists on a poll page (the appendix lists more): five down a group's column; four along
 * its row, where groups are rows, so that each answer's cell is wide enough for a long word ("Procurement").
 */
const SLIDE_TEXT_ROWS = 5
const SLIDE_TEXT_ACROSS = 4

/** A group as the cover names it: its name with the code in small type after it, or the code alone. */
function groupHtml(group: HandoutGroup): string {
  return `<span><b>${escapeHtml(group.name)}</b>${group.name === group.label
    ? ''
    : ` <span class="code">${escapeHtml(group.label)}</span>`}</span>`
}

/**
 * The cover's box: the groups and how many took part in each (a group under MIN_GROUP_SIZE: "fewer than 5"), and all
 * groups together, counting only the groups whose size is given (the total minus them would be a small one's).
 */
export function comparisonCoverHtml(data: HandoutComparison, date: string): string {
  const { minGroupSize } = data.comparison
  const given = data.groups.filter(g => largeEnough(g.participants, minGroupSize))
  const everyone = given.reduce((n, g) => n + g.participants, 0)
  const rows = data.groups.map(g => `<li>${groupHtml(g)}<span>${largeEnough(g.participants, minGroupSize)
    ? counted(g.participants, 'participant', 'participants')
    : `${fewerThan(minGroupSize)} participants`}</span></li>`)
  return `<div class="handout">
    <p class="kicker">Workshop handout · ${data.groups.length} groups compared · ${escapeHtml(date)}</p>
    <ul class="groups">${rows.join('')}<li class="all"><b>All groups</b><span>${counted(everyone, 'participant', 'participants')}${given.length < data.groups.length
      ? ` in groups of ${minGroupSize} or more`
      : ''}</span></li></ul>
    <p>Each slide follows with its speaker notes; the poll slides show the groups side by side and combined,
    and the results appendix gives every poll's numbers per group.</p>
    <p class="small">Where fewer than ${minGroupSize} participants answered a poll in a group, that group's numbers for it
    are withheld (“${fewerThan(minGroupSize)}”) and its answers left out of “All groups”, so that no figure here, and no
    difference between figures, gives them away. No personal data was collected: participants were anonymous random ids.</p>
  </div>`
}

function barCell(c: Cell, row: Row): string {
  if (c.share === undefined)
    return `<b class="v">${escapeHtml(c.short)}</b>`
  return `${c.text === undefined
    ? ''
    : `<span class="t">${escapeHtml(c.text)}</span>`}<span class="track"><span class="fill" style="width:${(c.share * 100).toFixed(1)}%"></span>${row.reference === undefined
    ? ''
    : `<span class="ref" style="left:${(row.reference * 100).toFixed(1)}%"></span>`}</span><span class="v">${escapeHtml(c.short)}</span>`
}

/** Up to this many groups stand in columns; more are drawn as rows, where a long name has room. */
const GROUPS_AS_COLUMNS = 3

/**
 * A poll slide's place on its notes page, drawn by the handout instead of the deck's slide: the question,
 * then small multiples, bars per group and for all groups combined, sharing their rows (options, scale
 * points, the combined ranking's order; a text poll's most frequent answers per group). Up to three groups
 * stand side by side in columns; four or more are rows, one under another, with the options across.
 */
export function comparedSlideHtml(data: HandoutComparison, poll: Poll): string {
  const compared = data.comparison.polls.find(p => p.id === poll.id)
  if (!compared)
    return ''
  const across = data.groups.length > GROUPS_AS_COLUMNS
  const table = comparedTable(poll, compared, data.groups, data.comparison.minGroupSize, across
    ? SLIDE_TEXT_ACROSS
    : SLIDE_TEXT_ROWS)
  // Grid lines, 1-based: the header line, then a line per figure row (or per group, across).
  const figures = table.rows.length
  const groups = table.columns.length
  const labels = across || !table.unlabelled
  const first = labels
    ? 2
    : 1
  const at = (r: number, c: number): string => across
    ? `${c + 2}/${r + first}`
    : `${r + 2}/${c + first}`
  const comb = (combined: boolean): string => combined
    ? ' comb'
    : ''
  const groupHeads = table.columns.map((col, c) => `<div class="head${comb(col.combined)}" style="grid-area:${across
    ? `${c + 2}/1`
    : `1/${c + first}`}"><b>${escapeHtml(col.name)}</b><span>${escapeHtml(col.answers)}</span></div>`)
  const rowHeads = table.unlabelled
    ? []
    : table.rows.map((row, r) => `<div class="lab" style="grid-area:${across
        ? `1/${r + first}`
        : `${r + 2}/1`}"><span>${escapeHtml(row.label)}</span></div>`)
  const body = table.columns.flatMap((col, c) => col.cells
    ? col.cells.map((cell, r) => `<div class="c${comb(col.combined)}${table.unlabelled
        ? ' text'
        : ''}" style="grid-area:${at(r, c)}">${barCell(cell, table.rows[r]!)}</div>`)
    : [`<div class="withheld" style="grid-area:${across
        ? `${c + 2}/${first}/${c + 3}/${figures + first}`
        : `2/${c + first}/${figures + 2}`}">${escapeHtml(col.withheld ?? '')}</div>`])
  const lines = across
    ? groups
    : figures
  const size = lines <= 6
    ? 8
    : lines <= 10
      ? 7
      : 6
  const valueColumns = across
    ? figures
    : groups
  const columns = `${labels
    ? across
      ? '44mm '
      : '34mm '
    : ''}repeat(${valueColumns}, minmax(0, 1fr))`
  return `<div class="compared" data-poll="${escapeHtml(poll.id)}">
    <h3>${escapeHtml(poll.question)}</h3>
    <p class="sub">${data.groups.length} groups side by side and combined${handoutOf(poll).comparedNote
      ? ` · ${handoutOf(poll).comparedNote}`
      : ''}</p>
    <div class="cgrid${across
      ? ' across'
      : ''}${valueColumns > 5
      ? ' narrow'
      : ''}" style="font-size:${size}pt; grid-template-columns:${columns}; grid-template-rows:auto repeat(${lines}, minmax(0, 1fr))">
      ${[
        ...groupHeads,
        ...rowHeads,
        ...body,
      ].join('')}
    </div>
    ${'referenceLabel' in poll && poll.referenceLabel
      ? `<p class="src"><span class="ref-key"></span>${escapeHtml(poll.referenceLabel)}</p>`
      : ''}
  </div>`
}

/** The compared handout's styles: the cover's group list, the poll pages' small multiples. */
export function comparisonCss(accent: string, headings: string, body: string): string {
  return `
    .groups { list-style: none; padding: 0; margin: 0 0 2.5mm; font-size: 9.5pt; line-height: 1.3; }
    .groups li { display: flex; justify-content: space-between; gap: 6mm; border-bottom: 0.2mm solid #e8c7b9; padding: 0.5mm 0; }
    .groups li > span:last-child { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .groups .all { border-bottom: none; font-weight: 700; }
    .code { font-family: ${cssFamily(body)}, sans-serif; font-weight: 400; font-size: 0.85em; color: #555; letter-spacing: 0.03em; }
    .compared { box-sizing: border-box; height: 100%; border: 0.18mm solid #999; padding: 5mm 6mm 4mm; display: flex; flex-direction: column; overflow: hidden; }
    .compared h3 { font-family: ${cssFamily(headings)}, ${cssFamily(body)}, sans-serif; font-size: 14pt; line-height: 1.2; margin: 0 0 1mm; }
    .compared .sub { font-size: 7.5pt; color: #555; margin: 0 0 2.5mm; }
    .cgrid { flex: 1; min-height: 0; display: grid; column-gap: 2.5mm; line-height: 1.2; }
    .cgrid .head { font-weight: 700; padding: 0.5mm 1mm 1mm; border-bottom: 0.2mm solid #bbb; overflow: hidden; }
    .cgrid .head span { display: block; font-weight: 400; color: #555; }
    .cgrid .head b { display: block; }
    /* Groups as rows: the name (a long one cut at a line) over its count, beside the bars. */
    .cgrid.across .head { border-bottom: none; align-self: center; padding: 0 1mm; }
    .cgrid.across .head b { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .cgrid.across .lab { align-self: end; padding: 0 1mm 1mm; border-bottom: 0.2mm solid #bbb; }
    /* Clamped inside the padded box: the padding would otherwise show the top of the line cut off. */
    .cgrid.across .lab span { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    .cgrid.across .withheld { margin: 0.4mm 0; }
    .cgrid .lab { align-self: center; padding-right: 1mm; }
    .cgrid .c { display: flex; align-items: center; gap: 1.2mm; min-width: 0; padding: 0 1mm; }
    .cgrid .comb { background: #f1f1f1; }
    .cgrid .track { flex: 1; min-width: 3mm; height: 2.4mm; margin: 0; background: #e6e6e6; border-radius: 0.5mm; }
    .cgrid .fill { display: block; height: 100%; background: ${accent}; border-radius: 0.5mm; }
    .cgrid .comb .fill { background: #333; }
    .cgrid .track { position: relative; }
    .cgrid .ref { position: absolute; top: -0.6mm; bottom: -0.6mm; width: 0.5mm; background: #2f6b4f; }
    .compared .src { font-size: 7pt; color: #555; margin: 1.5mm 0 0; }
    .compared .ref-key { display: inline-block; width: 0.5mm; height: 0.9em; margin-right: 1.2mm; vertical-align: -0.1em; background: #2f6b4f; }
    .cgrid .v { flex: none; font-variant-numeric: tabular-nums; }
    .cgrid.narrow .c:not(.text) { flex-direction: column-reverse; align-items: stretch; justify-content: center; gap: 0.4mm; }
    .cgrid.narrow .c:not(.text) .v { text-align: right; }
    .cgrid.narrow .c .track { flex: none; }
    .cgrid .c.text { flex-wrap: wrap; align-content: center; row-gap: 0.3mm; }
    .cgrid .c.text .t { flex: 0 0 100%; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    .cgrid .withheld { display: flex; align-items: center; justify-content: center; text-align: center; color: #555; font-style: italic; margin: 1mm 0;
      background: repeating-linear-gradient(135deg, #f3f3f3 0 1.2mm, #fff 1.2mm 2.4mm); }
  `
}
