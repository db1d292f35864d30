// `npm run handout -- --session CODE [--output FILE]`: the deck with one workshop's results on its poll
// slides, a cover with the date and session code, the speaker notes and a results appendix, as one PDF.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import { PDFDocument } from 'pdf-lib'
import { chromium } from 'playwright-chromium'
import { polls } from '../polls/definitions'
import { readConfig } from '../server/config'
import { createPollService } from '../server/pollService'
import { normalizeSessionCode } from '../server/sessionCode'
import { createStore } from '../server/store'
import { chromiumArgs, resolveChromium } from './browser'
import { handoutHtml } from './handoutHtml'
import { slidevExport } from './slidevExport'

const { values } = parseArgs({
  options: {
    session: { type: 'string', default: 'default' },
    output: { type: 'string' },
  },
})
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
const store = createStore(config.dbPath)
const service = createPollService({ store, polls, revealAll: true })
if (!service.hasSession(session)) {
  console.error(`No session "${session}" in ${config.dbPath}. Sessions: ${service.sessions().map(s => s.code).join(', ') || 'none'}`)
  process.exit(2)
}
const results = polls.map(poll => ({
  poll,
  results: service.fullResults(session, poll.id),
}))
const participants = new Set(store.rows(session).map(r => r.participant)).size
store.close()
const root = process.cwd()
const deck = await load({
  roots: [root],
  userRoot: root,
}, resolve(root, 'slides.md'))

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
  await slidevExport({
    format: 'pdf',
    output: deckPdf,
    env: { HANDOUT_SESSION: session, POLL_DB: config.dbPath },
  })

  step(3, 'Rendering the cover, speaker notes and results appendix')
  const browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: chromiumArgs,
  })
  const page = await browser.newPage()
  await page.setContent(handoutHtml({
    title: deck.headmatter.title as string,
    author: `${deck.headmatter.author as string} · RISE Research Institutes of Sweden`,
    session,
    date: new Date().toISOString().slice(0, 10),
    participants,
    polls: results,
    slides: deck.slides.map((s, i) => ({ no: i + 1, title: s.title ?? polls.find(p => p.id === s.frontmatter.poll)?.question ?? '', note: s.note ?? '' })),
  }))
  const extrasPdf = await page.pdf({ width: '980px', height: '551px', printBackground: true })
  await browser.close()

  step(4, 'Putting it together')
  const handout = await PDFDocument.create()
  const extras = await PDFDocument.load(extrasPdf)
  const slides = await PDFDocument.load(readFileSync(deckPdf))
  const [cover, ...rest] = await handout.copyPages(extras, extras.getPageIndices())
  handout.addPage(cover!)
  for (const p of await handout.copyPages(slides, slides.getPageIndices())) handout.addPage(p)
  for (const p of rest) handout.addPage(p)
  handout.setTitle(`${deck.headmatter.title as string} · handout ${session || 'default'}`)
  mkdirSync(dirname(output), { recursive: true })
  writeFileSync(output, await handout.save())
  console.log(`Handout: ${output} (${handout.getPageCount()} pages)`)
}
finally {
  removeWork()
}
