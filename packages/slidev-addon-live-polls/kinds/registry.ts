// The one list of poll kinds. A kind lives in its own folder (kinds/<name>/); each surface has an entry that maps
// every name here to that surface's part of the kind, and kinds/registry.test.ts checks each entry against this list:
//   definitions.ts  the deck's schema and answer validation (server, CLI, deck loading)
//   counting.ts     counting, combined columns, export text (server, CLI; plain Node)
//   tables.ts       comparison rows: the one table model of console, projector and handout
//   handouts.ts     the PDF handout's labels and a session's appendix (CLI)
//   traits.ts       what a page may ask without loading the rest: moderated answers, a slide's preview (browser-safe)
//   samples.ts      random answers and what results count of them (the bench)
//   charts.ts       the slides' charts (Vue)
//   inputs.ts       the phone page's inputs (Vue; only these, the page stays small)
// Adding a kind: a folder, its name here, its messages (i18n/*.json, under `kinds.<name>`), its docs (docs/api.md).

/** Every poll kind, in the order the docs and error messages list them. */
export const KINDS = [
  'single',
  'multiple',
  'scale',
  'text',
  'ranking',
] as const

export type KindName = (typeof KINDS)[number]

/** "a, b, c or d": the kinds as a message lists them. */
export function kindsListed(): string {
  return `${KINDS.slice(0, -1).join(', ')} or ${KINDS.at(-1)}`
}
