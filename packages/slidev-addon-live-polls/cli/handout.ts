// `npm run handout -- --session CODE [--output FILE] [path/to/slides.md]`: one workshop's handout as an A4 PDF: every slide
// (this session's results on its poll slides) on a notes page with its speaker notes, the first one the
// cover with the session, date and participants, then a results appendix with every poll's chart and numbers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import { readConfig } from '../server/config'
import { deckFromSlidev } from '../server/deckPolls'
import { createPollService } from '../server/pollService'
import { normalizeSessionCode } from '../server/sessionCode'
import { openStore } from '../server/store/openStore'
import { deckFonts } from './deckFontFaces'
import { handoutPdf } from './handoutPdf'
import { slideHeading } from './slideHeading'
import { blankSlidePages, exportCheckedDeck } from './slidePagesCheck'
import { slidevExport } from './slidevExport'

const { values, positionals } = parseArgs({
  options: {
    session: { type: 'string', default: 'default' },
    output: { type: 'string' },
  },
  allowPositionals: true,
})
// The deck, as `npm start` takes it: slides.md of this folder unless a path is given.
const entry = positionals[0] ?? 'slides.md'
const session = values.session === 'default'
  ? ''
  : normalizeSessionCode(values.session!)
if (session === undefined) {
  console.error(`"${values.session}" is not a session code`)
  process.exit(2)
}
const output = resolve(values.output ?? `exports/handout-${session || 'default'}.pdf`)
const step = (n: number, text: string): void => console.log(`[${n}/4] ${text}`)

step(1, `Reading session ${session || 'default'} and the speaker notes`)
const config = readConfig(process.env)
const store = await openStore(config)
// The deck parsed once, as Slidev parses it: its polls and colour for the results, its slides and notes below.
const root = dirname(resolve(entry))
const deck = await load({
  roots: [root],
  userRoot: root,
}, resolve(entry))
const { polls, accent } = deckFromSlidev(deck.headmatter, deck.slides, root)
const service = createPollService({ store, polls, revealAll: true })
if (!await service.hasSession(session)) {
  console.error(`No session "${session}" in ${store.location}. Sessions: ${(await service.sessions()).map(s => s.code).join(', ') || 'none'}`)
  process.exit(2)
}
const results = await Promise.all(polls.map(async poll => ({
  poll,
  results: await service.fullResults(session, poll.id),
})))
const participants = new Set((await store.rows(session)).map(r => r.participant)).size
service.stopFollowing()
await store.close()
const slides = deck.slides.map((s, i) => ({
  no: i + 1,
  title: slideHeading(s),
  note: s.note ?? '',
}))

// The intermediate deck PDF shows results that were hidden in the room: it lives only in a private
// temporary folder that is removed however this ends.
const work = mkdtempSync(join(tmpdir(), 'handout-'))
const removeWork = (): void => rmSync(work, { recursive: true, force: true })
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeWork()
    process.exit(1)
  })
}
try {
  step(2, 'Exporting the deck with this session\'s results on its poll slides')
  const deckPdf = join(work, 'deck.pdf')
  await exportCheckedDeck(
    () => slidevExport({
      format: 'pdf',
      output: deckPdf,
      entry,
      env: { HANDOUT_SESSION: session, POLL_DB: config.dbPath },
    }),
    () => blankSlidePages(deckPdf, slides.map(s => s.title)),
  )

  step(3, 'Rendering the notes pages and the results appendix, and drawing each slide onto its notes page')
  const handout = await handoutPdf({
    title: deck.headmatter.title as string,
    session,
    date: new Date().toISOString().slice(0, 10),
    participants,
    polls: results,
    slides,
    accent,
    fonts: deckFonts(deck.headmatter.fonts),
  }, readFileSync(deckPdf), work)

  step(4, 'Writing the handout')
  handout.setTitle(`${deck.headmatter.title as string} · handout ${session || 'default'}`)
  mkdirSync(dirname(output), { recursive: true })
  writeFileSync(output, await handout.save())
  console.log(`Handout: ${output} (${handout.getPageCount()} pages: ${slides.length} slides with their notes, ${handout.getPageCount() - slides.length} of results appendix)`)
}
catch (err) {
  console.error(`No handout: ${(err as Error).message}`)
  process.exitCode = 1
}
finally {
  removeWork()
}
