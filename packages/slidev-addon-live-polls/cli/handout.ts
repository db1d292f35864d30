// `npm run handout -- --session CODE [--output FILE] [path/to/slides.md]`: one workshop's handout as an A4 PDF: every slide
// (this session's results on its poll slides) on a notes page with its speaker notes, the first one the
// cover with the session, date and participants, then a results appendix with every poll's chart and numbers.
// `--sessions A,B` instead: several workshops side by side, the cover naming the groups, the poll slides drawn
// as small multiples per group and combined, the appendix a table per poll; a group in which fewer than
// MIN_GROUP_SIZE answered a poll is "fewer than 5" there, and its answers left out of the combined results.
import type { HandoutComparison } from './handoutComparison'
import type { HandoutInput } from './handoutHtml'
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { load } from '@slidev/parser/fs'
import { deckLanguage } from '../i18n/useMessages'
import { comparedCodes, groupName, sessionArg } from '../server/domain/comparedCodes'
import { deckFromSlidev } from '../server/domain/deckPolls'
import { createPollService } from '../server/domain/pollService'
import { rowPages } from '../server/domain/rowPages'
import { readConfig } from '../server/entries/config'
import { fileMistake, parseCommandLine, stopOnMistake, stopOnMistakes, UserMistake } from '../server/entries/mistakes'
import { openStore } from '../server/stores/openStore'
import { StorageError } from '../server/stores/storageError'
import { deckFonts } from './deckFontFaces'
import { handoutPdf } from './handoutPdf'
import { slideHeading } from './slideHeading'
import { blankSlidePages, exportCheckedDeck } from './slidePagesCheck'
import { slidevExport } from './slidevExport'

stopOnMistakes()
const usage = 'npm run handout -- --session CODE [--output FILE] [path/to/slides.md] (or --sessions CODE,CODE,…)'
const { values, positionals } = parseCommandLine({
  options: {
    session: { type: 'string' },
    sessions: { type: 'string' },
    output: { type: 'string' },
  },
  allowPositionals: true,
}, usage)

function fail(message: string): never {
  return stopOnMistake(message)
}

// The deck, as `npm start` takes it: slides.md of this folder unless a path is given.
if (positionals.length > 1)
  fail(`One deck at a time, not ${positionals.join(' ')}. Usage: ${usage}`)
const entry = positionals[0] ?? 'slides.md'
if (!existsSync(entry))
  fail(`No deck at ${entry}: no such file`)
const session = sessionArg(values, fail)
const step = (n: number, text: string): void => console.log(`[${n}/4] ${text}`)

step(1, `Reading ${values.sessions === undefined
  ? `session ${session || 'default'}`
  : `sessions ${values.sessions}`} and the speaker notes`)
const config = readConfig(process.env)
const store = await openStore(config).catch((err: unknown) => err instanceof StorageError
  ? fail(`Cannot read the results: ${err.message}`)
  : Promise.reject(err))
// The deck parsed once, as Slidev parses it: its polls and colour for the results, its slides and notes below.
const root = dirname(resolve(entry))
const deck = await load({
  roots: [root],
  userRoot: root,
}, resolve(entry))
const { polls, accent } = deckFromSlidev(deck.headmatter, deck.slides, root)
const service = createPollService({ store, polls, revealAll: true })
const known = async (): Promise<string> => `Sessions: ${(await service.sessions()).map(s => s.code).join(', ') || 'none'}`
/** Who answered anything in a session, its rows read a page at a time. */
async function participantsOf(code: string): Promise<number> {
  const participants = new Set<string>()
  for await (const rows of rowPages(store, code)) rows.forEach(row => participants.add(row.participant))
  return participants.size
}

/** The groups compared: their codes ('' for the default session), names, participants and results side by side. */
async function comparison(typedCodes: string): Promise<HandoutComparison & { codes: string[] }> {
  const compared = await comparedCodes(typedCodes, service.hasSession)
  if (!compared.ok)
    fail(`Cannot compare: ${compared.error} (in ${store.location}). ${await known()}`)
  const { codes } = compared
  const result = await service.compare(codes, config.minGroupSize, 'export')
  return {
    codes,
    comparison: result,
    polls,
    groups: await Promise.all(result.sessions.map(async (label, i) => ({
      label,
      name: groupName(result, label),
      participants: await participantsOf(codes[i]!),
    }))),
  }
}

const compared = values.sessions === undefined
  ? undefined
  : await comparison(values.sessions)
if (!compared && !await service.hasSession(session))
  fail(`No session "${session}" in ${store.location}. ${await known()}`)
const subject = compared
  ? { comparison: compared }
  : {
      session,
      participants: await participantsOf(session),
      polls: await Promise.all(polls.map(async poll => ({
        poll,
        results: await service.fullResults(session, poll.id),
      }))),
    }
service.stopFollowing()
await store.close()
const named = compared
  ? compared.comparison.sessions.join('-')
  : session || 'default'
const output = resolve(values.output ?? `exports/handout-${named}.pdf`)
// Said now, not after the minutes of an export: a folder that cannot be made or written to.
try {
  mkdirSync(dirname(output), { recursive: true })
  accessSync(dirname(output), constants.W_OK)
}
catch (err) {
  throw fileMistake('write', values.output ?? output, err)
}
const slides = deck.slides.map((s, i) => ({
  no: i + 1,
  title: slideHeading(s),
  note: s.note ?? '',
  poll: (s.frontmatter.poll as { id?: string } | undefined)?.id,
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
  step(2, compared
    ? 'Exporting the deck (its poll slides are drawn with the groups side by side in the next step)'
    : 'Exporting the deck with this session\'s results on its poll slides')
  const deckPdf = join(work, 'deck.pdf')
  await exportCheckedDeck(
    () => slidevExport({
      format: 'pdf',
      output: deckPdf,
      entry,
      // Compared: the poll slides' pages are not used (the handout draws them), whichever session they show.
      env: { HANDOUT_SESSION: compared?.codes[0] ?? session, POLL_DB: config.dbPath },
    }),
    () => blankSlidePages(deckPdf, slides.map(s => s.title)),
  )

  step(3, `Rendering the notes pages${compared
    ? ', the compared poll slides'
    : ''} and the results appendix, and drawing each slide onto its notes page`)
  const data: HandoutInput = {
    title: deck.headmatter.title as string,
    date: new Date().toISOString().slice(0, 10),
    // The deck's language, as Slidev reads it (`htmlAttrs: { lang: sv }` in the headmatter), else English.
    lang: deckLanguage(deck.headmatter.htmlAttrs),
    slides,
    accent,
    fonts: deckFonts(deck.headmatter.fonts),
    ...subject,
  }
  const handout = await handoutPdf(data, readFileSync(deckPdf), work)

  step(4, 'Writing the handout')
  handout.setTitle(`${deck.headmatter.title as string} · handout ${compared
    ? compared.groups.map(g => g.name).join(', ')
    : session || 'default'}`)
  const pdf = await handout.save()
  try {
    writeFileSync(output, pdf)
  }
  catch (err) {
    throw fileMistake('write', values.output ?? output, err)
  }
  console.log(`Handout: ${output} (${handout.getPageCount()} pages: ${slides.length} slides with their notes, ${handout.getPageCount() - slides.length} of results appendix)`)
}
catch (err) {
  if (err instanceof UserMistake)
    throw err
  console.error(`No handout: ${(err as Error).message}`)
  process.exitCode = 1
}
finally {
  removeWork()
}
