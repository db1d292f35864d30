// `live-polls export [path/to/slides.md]`: a PDF of the whole deck (or PNGs of chosen slides), its poll slides
// carrying the stored results, with a Chromium found on this machine (playwright-chromium's or $CHROMIUM_PATH).
//   live-polls export                              -> exports/<exportFilename>.pdf
//   live-polls export --format png --range 3,7     -> exports/slides/3.png, exports/slides/7.png
// Anything after `--` goes to `slidev export` as it is (`-- --dark`).
import { basename, dirname, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import { resolveChromium } from './browser'
import { slideHeading } from './slideHeading'
import { blankSlidePages, exportCheckedDeck } from './slidePagesCheck'
import { slidevExport } from './slidevExport'

const { values, positionals } = parseArgs({
  options: {
    format: { type: 'string', default: 'pdf' },
    range: { type: 'string' },
    output: { type: 'string' },
    entry: { type: 'string' },
  },
  allowPositionals: true,
  strict: false,
})

function parseFormat(value: unknown): 'pdf' | 'png' {
  if (value === 'pdf' || value === 'png')
    return value
  console.error(`Unknown --format "${String(value)}": use pdf or png.`)
  process.exit(2)
}
const format = parseFormat(values.format)
// The deck: a path ending in .md (or --entry), slides.md of this folder by default; other words go to Slidev.
const deckArg = positionals.find(p => p.endsWith('.md'))
const entry = String(values.entry ?? deckArg ?? 'slides.md')
const extraArgs = positionals.filter(p => p !== deckArg)
const root = dirname(resolve(entry))
const deck = await load({
  roots: [root],
  userRoot: root,
}, resolve(entry))
const name = String(deck.headmatter.exportFilename ?? basename(entry, '.md'))
const output = String(values.output ?? (format === 'pdf'
  ? `exports/${name}.pdf`
  : 'exports/slides'))

console.log(`Exporting ${format.toUpperCase()} with ${resolveChromium()}`)
const started = Date.now()
const range = values.range
  ? String(values.range)
  : undefined
function exportDeck(): Promise<void> {
  return slidevExport({
    format,
    output,
    range,
    entry,
    extraArgs,
  })
}
try {
  // A whole-deck PDF is checked page by page: a loaded machine has exported slides before they had drawn.
  if (format === 'pdf' && !range) {
    const headings = deck.slides.map(slideHeading)
    await exportCheckedDeck(exportDeck, () => blankSlidePages(output, headings))
  }
  else {
    await exportDeck()
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${output}`)
}
catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
