import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The deck's font families as its headmatter names them (`fonts: sans, serif, mono`). */
export interface DeckFonts {
  body: string
  /** The handout's headings: the deck's `serif` font, else its `sans`. */
  headings: string
  code: string
}

// A family name as CSS and a package name can carry it: letters, digits, spaces, dashes.
function family(value: unknown): string | undefined {
  const first = typeof value === 'string'
    ? value.split(',')[0]!.trim().replace(/^['"]|['"]$/g, '')
    : ''
  return /^[\w -]{1,60}$/.test(first)
    ? first
    : undefined
}

const generic = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-sans-serif',
  'ui-serif',
  'ui-monospace',
])

/** A family as CSS names it: quoted, but a generic family bare (quoted, `'sans-serif'` is a font of that name). */
export function cssFamily(name: string): string {
  return generic.has(name)
    ? name
    : `'${name}'`
}

/** The handout's fonts from the deck's headmatter `fonts`; generic families where it names none. */
export function deckFonts(fonts: unknown): DeckFonts {
  const given = (fonts ?? {}) as Record<string, unknown>
  const body = family(given.sans) ?? 'sans-serif'
  return {
    body,
    headings: family(given.serif) ?? body,
    code: family(given.mono) ?? 'monospace',
  }
}

// Fonts installed with the deck (the working directory), as Slidev bundles them with `provider: none`.
const fontsource = resolve('node_modules/@fontsource')

/**
 * The deck's @font-face rules (its @fontsource packages) with each font inlined as a data: URL, for a page
 * Chromium renders from a string (no base URL to load files from): nothing is fetched, and text falls back
 * to a system font only for a family the deck has not installed.
 */
export function deckFontFaces(fonts: DeckFonts): string {
  const files = [
    ...[400, 700].map(weight => [fonts.body, weight] as const),
    ...[600, 700].map(weight => [fonts.headings, weight] as const),
    [fonts.code, 400] as const,
  ].map(([name, weight]) => join(fontsource, name.toLowerCase().replaceAll(' ', '-'), `${weight}.css`))
  return [
    ...new Set(files),
  ].filter(existsSync).map(css => readFileSync(css, 'utf8').replace(
    /src: url\(\.\/(files\/[^)]+\.woff2)\)[^;]*;/g,
    (_, font: string) => `src: url(data:font/woff2;base64,${readFileSync(join(dirname(css), font)).toString('base64')}) format('woff2');`,
  )).join('\n')
}
