import { execFileSync } from 'node:child_process'

/** Ligatures unfolded and white space collapsed, so wrapped headings compare as written. */
function flat(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim()
}

/** Each page's text (pdftotext ends every page with a form feed). */
export function pdfPageTexts(file: string): string[] {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\f')
    .slice(0, -1)
    .map(flat)
}

/** Numbers of the slides whose page lacks its heading (a slide without one: lacks any text), or is missing. */
export function blankSlidePages(file: string, headings: string[]): number[] {
  const pages = pdfPageTexts(file)
  return headings.flatMap((heading, i) => {
    const text = pages[i]
    return text && text.includes(flat(heading))
      ? []
      : [i + 1]
  })
}

/**
 * Runs the deck export and checks that every slide page carries its content; a loaded machine has
 * produced pages with nothing on them and a successful exit. One more try, then an error naming them.
 */
export async function exportCheckedDeck(exportDeck: () => Promise<void>, blankSlides: () => number[], log = console.log): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await exportDeck()
    const blank = blankSlides()
    if (!blank.length)
      return
    if (attempt === 2)
      throw new Error(`The deck export came out with slides ${blank.join(', ')} blank (no heading or text on their pages), twice.`)
    log(`  slides ${blank.join(', ')} came out blank: exporting the deck once more`)
  }
}
