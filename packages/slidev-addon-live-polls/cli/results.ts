// `npm run --silent results -- --session CODE --format csv|json [--output FILE]`: a session's results from
// the database; `--sessions A,B` instead compares workshop sessions (the comparison JSON, or one CSV row per
// answer with its session), each group that fewer than MIN_GROUP_SIZE answered a poll in left out of it, its
// answers in no figure (the combined results count only the groups shown).
// stdout (or FILE) carries only the data, so a CSV's first line is its header row; the privacy note (and what
// was withheld) goes to stderr for CSV (JSON carries it as its `privacy` field).
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs'
import process from 'node:process'
import { comparedCodes, sessionArg } from '../server/domain/comparedCodes.ts'
import { loadDeck } from '../server/domain/deckPolls.ts'
import { PRIVACY_NOTE } from '../server/domain/exportResults.ts'
import { jsonPieces } from '../server/domain/jsonPieces.ts'
import { createPollService } from '../server/domain/pollService.ts'
import { readConfig } from '../server/entries/config.ts'
import { fileMistake, parseCommandLine, stopOnMistake, stopOnMistakes } from '../server/entries/mistakes.ts'
import { openStore } from '../server/stores/openStore.ts'
import { StorageError } from '../server/stores/storageError.ts'
import { writePieces } from '../server/transports/writePieces.ts'

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

/** A JSON document as the file holds it: indented, ending in a line break; written as it is read. */
async function* jsonFile(value: unknown): AsyncGenerator<string> {
  yield* jsonPieces(value, 2)
  yield '\n'
}

/**
 * Writes the data to `path` through a file beside it, renamed once complete: a path that cannot be written is said
 * in one line before any row is read, and a failure part-way (a full disk, a lost database) leaves no partial file.
 */
async function writeFile(path: string, data: AsyncIterable<string>): Promise<void> {
  const partial = `${path}.partial`
  let fd: number
  try {
    fd = openSync(partial, 'w')
  }
  catch (err) {
    throw fileMistake('write', path, err)
  }
  try {
    await writePieces(createWriteStream('', { fd }), data)
    renameSync(partial, path)
  }
  catch (err) {
    rmSync(partial, { force: true })
    throw fileMistake('write', path, err)
  }
}

// The data, written as the rows are read (a page at a time), never held whole.
let pieces: AsyncIterable<string>
// What goes to stderr after the data is written: the privacy note, and which groups were left out where.
const notes: string[] = []
if (values.sessions !== undefined) {
  const compared = await comparedCodes(values.sessions, service.hasSession)
  if (!compared.ok)
    fail(`Cannot compare: ${compared.error} (in ${store.location}). ${await known()}`)
  const { minGroupSize } = config
  // Only each group's size per poll is read for this: the comparison itself is made as it is written.
  const small = await service.withheld(compared.codes, minGroupSize)
  if (small.length) {
    notes.push(`Withheld (fewer than ${minGroupSize} participants answered, MIN_GROUP_SIZE; left out of the combined results${format === 'csv'
      ? ' and of this file'
      : ''}):`, ...small.map(g => `  ${g.session}: ${g.polls.join(', ')}`))
  }
  pieces = format === 'csv'
    ? await service.compareCsv(compared.codes, minGroupSize)
    : jsonFile({
        privacy: PRIVACY_NOTE,
        exportedAt: new Date().toISOString(),
        ...await service.compareJson(compared.codes, minGroupSize),
      })
}
else {
  if (!await service.hasSession(session))
    fail(`No session "${session}" in ${store.location}. ${await known()}`)
  pieces = format === 'csv'
    ? service.exportCsv(session)
    : jsonFile(service.exportJson(session))
}
if (values.output)
  await writeFile(values.output, pieces)
else await writePieces(process.stdout, pieces, { end: false })
service.stopFollowing()
await store.close()
if (format === 'csv')
  console.error(PRIVACY_NOTE)
notes.forEach(line => console.error(line))
if (values.output)
  console.error(`Wrote ${values.output}`)
