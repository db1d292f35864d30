// `npm run export`: PDF of the whole deck (or PNGs of chosen slides) with a browser found on this machine.
//   npm run export                              -> exports/ospo-deck.pdf
//   npm run export -- --format png --range 3,7  -> exports/slides/3.png, exports/slides/7.png
import process from 'node:process'
import { parseArgs } from 'node:util'
import { resolveChromium } from 'slidev-addon-live-polls/cli/browser.ts'
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

const format = String(values.format)
if (format !== 'pdf' && format !== 'png') {
  console.error(`Unknown --format "${format}": use pdf or png.`)
  process.exit(2)
}
const output = String(values.output ?? (format === 'pdf'
  ? 'exports/ospo-deck.pdf'
  : 'exports/slides'))

console.log(`Exporting ${format.toUpperCase()} with ${resolveChromium()}`)
const started = Date.now()
try {
  await slidevExport({
    format,
    output,
    range: values.range
      ? String(values.range)
      : undefined,
    entry: String(values.entry),
    extraArgs: positionals,
  })
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${output}`)
}
catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
