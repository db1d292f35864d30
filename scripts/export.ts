// `npm run export`: PDF of the whole deck (or PNGs of chosen slides) with a browser found on this machine.
//   npm run export                         -> exports/ospo-deck.pdf
//   npm run export -- --format png --range 3,7  -> exports/slides/3.png, exports/slides/7.png
import { spawn } from 'node:child_process'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { resolveChromium } from './browser'

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
const output = String(values.output ?? (format === 'pdf' ? 'exports/ospo-deck.pdf' : 'exports/slides'))
const executable = resolveChromium()

const args = ['export', String(values.entry), '--format', format, '--output', output, '--executable-path', executable, '--timeout', '120000', '--wait-until', 'networkidle']
// Slidev ignores --range unless it renders slide by slide.
if (values.range)
  args.push('--range', String(values.range), '--per-slide')
args.push(...positionals)

console.log(`Exporting ${format.toUpperCase()} with ${executable}`)
console.log(`  slidev ${args.join(' ')}`)
const started = Date.now()
const child = spawn(process.execPath, ['node_modules/@slidev/cli/bin/slidev.mjs', ...args], { stdio: 'inherit' })
child.on('exit', (code) => {
  if (code === 0)
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${output}`)
  process.exit(code ?? 1)
})
