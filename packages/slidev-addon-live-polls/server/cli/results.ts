// `npm run --silent results -- --session CODE --format csv|json [--output FILE]`: a session's results from
// the database. stdout (or FILE) carries only the data, so a CSV's first line is its header row; the
// privacy note goes to stderr for CSV (JSON carries it as its `privacy` field).
import { writeFileSync } from 'node:fs'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { readConfig } from '../config.ts'
import { loadDeck } from '../deckPolls.ts'
import { PRIVACY_NOTE } from '../exportResults.ts'
import { createPollService } from '../pollService.ts'
import { normalizeSessionCode } from '../sessionCode.ts'
import { openStore } from '../store/openStore.ts'
import { StorageError } from '../store/storageError.ts'

const { values } = parseArgs({
  options: {
    session: { type: 'string', default: 'default' },
    format: { type: 'string', default: 'csv' },
    output: { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const format = values.format!
if (format !== 'csv' && format !== 'json')
  fail(`--format must be csv or json, not "${format}"`)
const session = values.session === 'default'
  ? ''
  : normalizeSessionCode(values.session!) ?? fail(`"${values.session}" is not a session code`)

const config = readConfig(process.env)
const store = await openStore(config).catch((err: unknown) => err instanceof StorageError
  ? fail(`Cannot read the results: ${err.message}`)
  : Promise.reject(err))
// The deck's polls name the questions and options in the export (`DECK_ENTRY`, default slides.md).
const { polls } = await loadDeck(process.env.DECK_ENTRY ?? 'slides.md')
const service = createPollService({ store, polls })
if (!await service.hasSession(session))
  fail(`No session "${session}" in ${store.location}. Sessions: ${(await service.sessions()).map(s => s.code).join(', ') || 'none'}`)

const text = format === 'csv'
  ? await service.exportCsv(session)
  : `${JSON.stringify(await service.exportJson(session), null, 2)}\n`
service.stopFollowing()
await store.close()
if (format === 'csv')
  console.error(PRIVACY_NOTE)
if (values.output) {
  writeFileSync(values.output, text)
  console.error(`Wrote ${values.output}`)
}
else {
  process.stdout.write(text)
}
