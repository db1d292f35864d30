import type { Translator } from '../i18n/useMessages'
import type { Column, ComparedTable, Row } from './comparedTable'
import type { HandoutComparison } from './handoutComparison'
import { handoutOf } from '../kinds/handouts'
import { ENGLISH } from '../kinds/shared/handout'
import { comparedTable, fewerThan } from './comparedTable'
import { escapeHtml } from './escapeHtml'

/** Text answers each group's column lists in the appendix; `npm run results -- --sessions` has every one. */
export const COMPARED_TEXT_ROWS = 10

/** Up to this many groups stand in columns; more are rows, where a long name has room (as on the poll pages). */
const GROUPS_AS_COLUMNS = 3

function comb(col: Column): string {
  return col.combined
    ? ' class="comb"'
    : ''
}

function groupHead(col: Column, tag: 'td' | 'th' = 'th'): string {
  return `<${tag}${comb(col)}><b>${escapeHtml(col.name)}</b>${col.code
    ? `<span class="code">${escapeHtml(col.code)}</span>`
    : ''}<span class="n">${escapeHtml(col.answers)}</span></${tag}>`
}

function rowHead(row: Row): string {
  return `<th>${escapeHtml(row.label)}${row.detail
    ? `<span class="detail">${escapeHtml(row.detail)}</span>`
    : ''}</th>`
}

function figure(col: Column, r: number): string {
  const cell = col.cells![r]!
  return `<td${comb(col)}>${cell.text === undefined
    ? ''
    : `<span class="t">${escapeHtml(cell.text)}</span> `}<span class="v">${escapeHtml(cell.value)}</span></td>`
}

function withheld(col: Column, span: 'colspan' | 'rowspan', n: number): string {
  return `<td class="withheld" ${span}="${n}">${escapeHtml(col.withheld ?? '')}</td>`
}

/** A column per group and the combined one, a row per option (scale point, ranked option, place in a text list). */
function groupsAsColumns(table: ComparedTable, total: boolean): string {
  const rows = table.rows.length
  return `<table class="ctable${table.unlabelled
    ? ' unlabelled'
    : ''}"><colgroup>${table.unlabelled
    ? ''
    : '<col class="labels">'}${table.columns.map(() => '<col>').join('')}</colgroup>
    <thead><tr>${table.unlabelled
      ? ''
      : '<th></th>'}${table.columns.map(col => groupHead(col)).join('')}</tr></thead>
    <tbody>${table.rows.map((row, r) => `<tr${total && r === rows - 1
      ? ' class="total"'
      : ''}>${table.unlabelled
      ? ''
      : rowHead(row)}${table.columns.map(col => col.cells
      ? figure(col, r)
      // A withheld group: one cell down its column, no figure in it.
      : r === 0
        ? withheld(col, 'rowspan', rows)
        : '').join('')}</tr>`).join('')}</tbody>
  </table>`
}

/** Many groups: a row per group and the combined one, the options across (a text poll's answers in one line). */
function groupsAsRows(table: ComparedTable): string {
  if (table.unlabelled) {
    return `<table class="ctable across list"><colgroup><col class="groups"><col></colgroup><tbody>${table.columns.map(col => `<tr>${groupHead(col)}${col.cells
      ? `<td${comb(col)}>${col.cells.filter(c => c.value).map(c => c.text === undefined
        ? `<span class="more">${escapeHtml(c.value)}</span>`
        : `<span class="entry">${escapeHtml(c.text)} <b>${escapeHtml(c.value)}</b></span>`).join(' · ')}</td>`
      : withheld(col, 'colspan', 1)}</tr>`).join('')}</tbody></table>`
  }
  return `<table class="ctable across"><colgroup><col class="groups">${table.rows.map(() => '<col>').join('')}</colgroup>
    <thead><tr><th></th>${table.rows.map(rowHead).join('')}</tr></thead>
    <tbody>${table.columns.map(col => `<tr>${groupHead(col)}${col.cells
      ? col.cells.map((_, r) => figure(col, r)).join('')
      : withheld(col, 'colspan', table.rows.length)}</tr>`).join('')}</tbody>
  </table>`
}

/** Every poll as a table of its figures per group and combined. */
export function comparedAppendixHtml(data: HandoutComparison, m: Translator = ENGLISH): string {
  const { comparison, groups } = data
  const { minGroupSize } = comparison
  return `<section class="appendix">
    <h1>${m.t('handout.appendix')}</h1>
    <p class="meta">${m.t('handout.appendixMetaCompared', {
      groups: m.t('handout.subjectGroups', { n: groups.length }),
      n: minGroupSize,
      fewerThan: fewerThan(minGroupSize, m),
      combined: m.t('compareCombined'),
    })}</p>
    ${data.polls.map((poll) => {
      const compared = comparison.polls.find(p => p.id === poll.id)
      if (!compared)
        return ''
      const table = comparedTable(poll, compared, groups, minGroupSize, COMPARED_TEXT_ROWS, m)
      return `<article class="poll compared-poll ${poll.kind}" data-poll="${escapeHtml(poll.id)}">
      <h2>${escapeHtml(poll.question)}</h2>
      <p class="meta">${m.t(table.columns.some(c => !c.combined && !c.cells)
        ? 'handout.answersInGroupsShown'
        : 'handout.answersInAll', { n: compared.combined.participants })} · ${m.t(handoutOf(poll).comparedLabel)}</p>
      ${!table.rows.length
        ? `<p class="total">${m.t('handout.noAnswers')}</p>`
        : groups.length > GROUPS_AS_COLUMNS
          ? groupsAsRows(table)
          : groupsAsColumns(table, table.total)}
      ${'referenceLabel' in poll && poll.referenceLabel
        ? `<p class="source">${m.t('handout.referenceFigures', {
          label: escapeHtml(poll.referenceLabel),
        })}</p>`
        : ''}
    </article>`
    }).join('')}
  </section>`
}

/** The appendix tables' styles. */
export const comparedAppendixCss = `
  .ctable { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; line-height: 1.3; margin-top: 1mm; }
  .ctable col.labels { width: 46mm; }
  .ctable col.groups { width: 44mm; }
  .ctable th, .ctable td { padding: 1mm 1.2mm; border-bottom: 0.2mm solid #e4e4e4; vertical-align: top; text-align: right; font-variant-numeric: tabular-nums; }
  .ctable tbody th { text-align: left; font-weight: 400; }
  .ctable thead th { vertical-align: bottom; border-bottom: 0.3mm solid #999; font-weight: 700; }
  .ctable th .n, .ctable th .code { display: block; font-weight: 400; color: #555; }
  .ctable.across thead th { font-weight: 400; }
  .ctable.across tbody th b { display: block; }
  .ctable.across tbody th .code, .ctable.across tbody th .n { display: inline; margin-right: 1.5mm; }
  .ctable .comb { background: #f1f1f1; }
  .ctable .total td, .ctable .total th { font-weight: 700; }
  .ctable .withheld { text-align: center; vertical-align: middle; color: #555; font-style: italic;
    background: repeating-linear-gradient(135deg, #f3f3f3 0 1.2mm, #fff 1.2mm 2.4mm); }
  .ctable.unlabelled td, .ctable.unlabelled th, .ctable.list td { text-align: left; }
  .ctable.unlabelled .v { float: right; font-weight: 700; padding-left: 1.5mm; }
  .ctable.list .entry { white-space: nowrap; }
  .ctable.list .more { color: #555; }
  .ctable tr { break-inside: avoid; }
`
