import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

// The deck's fonts, installed with the deck (the working directory).
const fontsource = resolve('node_modules/@fontsource')

/** The weights styles/index.ts bundles for the deck. */
const faces = [
  'lato/400.css',
  'lato/700.css',
  'lexend/600.css',
  'lexend/700.css',
  'fira-code/400.css',
]

/**
 * The deck's @font-face rules with each font inlined as a data: URL, for a page Chromium renders from a
 * string (no base URL to load files from): text falls back to no system font, and nothing is fetched.
 */
export function deckFontFaces(): string {
  return faces.map((file) => {
    const css = join(fontsource, file)
    return readFileSync(css, 'utf8').replace(
      /src: url\(\.\/(files\/[^)]+\.woff2)\)[^;]*;/g,
      (_, font: string) => `src: url(data:font/woff2;base64,${readFileSync(join(dirname(css), font)).toString('base64')}) format('woff2');`,
    )
  }).join('\n')
}
