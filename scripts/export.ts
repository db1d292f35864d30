import { resolve } from 'node:path'
// `npm run export`: PDF of the whole deck (or PNGs of chosen slides) with a browser found on this machine.
//   npm run export                              -> exports/ospo-deck.pdf
//   npm run export -- --format png --range 3,7  -> exports/slides/3.png, exports/slides/7.png
import process from 'node:process'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import { resolveChromium } from 'slidev-addon-live-polls/cli/browser.ts'
import { slideHeading } from 'slidev-addon-live-polls/cli/slideHeading.ts'
import { blankSlidePages, exportCheckedDeck } from 'slidev-addon-live-polls/cli/slidePagesCheck.ts'
import { slidevExport } from 'slidev-addon-live-polls/cli/slidevExport.ts'

const { values, positionals } = parseArgs({
  options: {
    format: { type: 'string', default: 'pdf' },
    range: { type: 'string' },
    output: { type: 'string' },
    entry: { type: 'string', default: 'slides.md' },
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
const output = String(values.output ?? (format === 'pdf'
  ? 'exports/ospo-deck.pdf'
  : 'exports/slides'))

console.log(`Exporting ${format.toUpperCase()} with ${resolveChromium()}`)
const started = Date.now()
const range = values.range
  ? String(values.range)
  : undefined
const entry = String(values.entry)
function exportDeck(): Promise<void> {
  return slidevExport({
    format,
    output,
    range,
    entry,
    extraArgs: positionals,
  })
}
try {
  // A whole-deck PDF is checked page by page: a loaded machine has exported slides before they had drawn.
  if (format === 'pdf' && !range) {
    const root = process.cwd()
    const deck = await load({
      roots: [root],
      userRoot: root,
    }, resolve(root, entry))
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
