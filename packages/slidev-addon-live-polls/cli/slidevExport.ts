import { spawn } from 'node:child_process'
import process from 'node:process'
import { packageFile } from '../server/entries/addonRoot'
import { resolveChromium } from './browser'

export interface SlidevExportOptions {
  format: 'pdf' | 'png'
  output: string
  range?: string
  entry?: string
  extraArgs?: string[]
  env?: Record<string, string>
}

/** Runs `slidev export` with a Chromium found on this machine, showing Slidev's own progress. */
export function slidevExport(options: SlidevExportOptions): Promise<void> {
  const executable = resolveChromium()
  const args = [
    'export',
    options.entry ?? 'slides.md',
    '--format',
    options.format,
    '--output',
    options.output,
    '--executable-path',
    executable,
    '--timeout',
    '120000',
    '--wait-until',
    'networkidle',
    '--wait',
    '1000',
  ]
  // Slidev ignores --range unless it renders slide by slide.
  if (options.range)
    args.push('--range', options.range, '--per-slide')
  args.push(...options.extraArgs ?? [])
  console.log(`  slidev ${args.join(' ')}`)
  const child = spawn(process.execPath, [
    packageFile('@slidev/cli', 'bin/slidev.mjs'),
    ...args,
  ], {
    stdio: 'inherit',
    env: {
      ...process.env,
      // No presenter links for a server that lives only for the export (server/entries/vitePlugin.ts).
      POLLS_QUIET: '1',
      ...options.env,
    },
  })
  return new Promise((resolve, reject) => {
    child.on('exit', code => (code === 0
      ? resolve()
      : reject(new Error(`slidev export exited with ${code}`))))
  })
}
