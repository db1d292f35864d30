// `npm run --silent results -- --session CODE --format csv|json [--output FILE]`: a session's results from
// the database; `--sessions A,B` instead compares workshop sessions (the comparison JSON, or one CSV row per
// answer with its session), each group that fewer than MIN_GROUP_SIZE answered a poll in left out of it (and
// the smallest other group where those are together still fewer).
// stdout (or FILE) carries only the data, so a CSV's first line is its header row; the privacy note (and what
// was withheld) goes to stderr for CSV (JSON carries it as its `privacy` field).
import { writeFileSync } from 'node:fs'
import process from 'node:process'
import { comparedCodes, sessionArg, withheldByGroup } from '../comparedCodes.ts'
import { readConfig } from '../config.ts'
import { loadDeck } from '../deckPolls.ts'
import { PRIVACY_NOTE } from '../exportResults.ts'
import { fileMistake, parseCommandLine, stopOnMistake, stopOnMistakes } from '../mistakes.ts'
import { createPollService } from '../pollService.ts'
import { openStore } from '../store/openStore.ts'
import { StorageError } from '../store/storageError.ts'

stopOnMistakes()
const { values } = parseCommandLine({
  options: {
    session: { type: 'string' },
    sessions: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    output: { type: 'string' },
  },
}, 'npm run --silent results -- --session CODE [--format csv|json] [--output FILE] (or --sessions CODE,CODE,…)')

function fail(message: string): never {
  return stopOnMistake(message)
}

const format = values.format!
if (format !== 'csv' && format !== 'json')
  fail(`--format must be csv or json, not "${format}"`)
const session = sessionArg(values, fail)

const config = readConfig(process.env)
const store = await openStore(config).catch((err: unknown) => err instanceof StorageError
  ? fail(`Cannot read the results: ${err.message}`)
  : Promise.reject(err))
// The deck's polls name the questions and options in the export (`DECK_ENTRY`, default slides.md).
const { polls } = await loadDeck(process.env.DECK_ENTRY ?? 'slides.md')
const service = createPollService({ store, polls })
const known = async (): Promise<string> => `Sessions: ${(await service.sessions()).map(s => s.code).join(', ') || 'none'}`

let text: string
// What goes to stderr after the data is written: the privacy note, and which groups were left out where.
const notes: string[] = []
if (values.sessions !== undefined) {
  const compared = await comparedCodes(values.sessions, service.hasSession)
  if (!compared.ok)
    fail(`Cannot compare: ${compared.error} (in ${store.location}). ${await known()}`)
  const { minGroupSize } = config
  const comparison = await service.compare(compared.codes, minGroupSize, format === 'json')
  const counted = `counted only in the combined results${format === 'csv'
    ? ', their answers left out of this file'
    : ''}`
  const small = withheldByGroup(comparison, 'small')
  if (small.length)
    notes.push(`Withheld (fewer than ${minGroupSize} participants answered, MIN_GROUP_SIZE; ${counted}):`, ...small.map(g => `  ${g.session}: ${g.polls.join(', ')}`))
  // Groups large enough, withheld so that the combined results minus the groups shown do not give the small ones away.
  const complement = withheldByGroup(comparison, 'complement')
  if (complement.length)
    notes.push(`Withheld to protect a smaller group (the groups withheld above are together fewer than ${minGroupSize} there; ${counted}):`, ...complement.map(g => `  ${g.session}: ${g.polls.join(', ')}`))
  text = format === 'csv'
    ? await service.compareCsv(compared.codes, minGroupSize)
    : `${JSON.stringify({
      privacy: PRIVACY_NOTE,
      exportedAt: new Date().toISOString(),
      ...comparison,
    }, null, 2)}\n`
}
else {
  if (!await service.hasSession(session))
    fail(`No session "${session}" in ${store.location}. ${await known()}`)
  text = format === 'csv'
    ? await service.exportCsv(session)
    : `${JSON.stringify(await service.exportJson(session), null, 2)}\n`
}
service.stopFollowing()
await store.close()
// The file first: a path that cannot be written is said in one line, before any note.
if (values.output) {
  try {
    writeFileSync(values.output, text)
  }
  catch (err) {
    throw fileMistake('write', values.output, err)
  }
}
if (format === 'csv')
  console.error(PRIVACY_NOTE)
notes.forEach(line => console.error(line))
if (values.output)
  console.error(`Wrote ${values.output}`)
else
  process.stdout.write(text)
