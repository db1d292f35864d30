import type { HandoutInput } from './handoutHtml'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { chromium } from 'playwright-chromium'
import { messagesIn } from '../i18n/useMessages'
import { chromiumArgs, resolveChromium } from './browser'
import { deckFontFaces } from './deckFontFaces'
import { contentWidth, drawnSlides, handoutHtml } from './handoutHtml'
import { placeSlides } from './notesPages'
import { pdfPageTexts } from './slidePagesCheck'

/**
 * The handout from the deck's PDF: Chromium renders the notes pages and the appendix in the deck's fonts,
 * then each slide is drawn onto its notes page (but those the handout draws itself: compared poll slides).
 * `work` is a private folder for the intermediate PDF.
 */
export async function handoutPdf(data: HandoutInput, deckPdf: Uint8Array, work: string): Promise<PDFDocument> {
  const deck = await PDFDocument.load(deckPdf)
  if (deck.getPageCount() !== data.slides.length)
    throw new Error(`The deck PDF has ${deck.getPageCount()} pages for ${data.slides.length} slides`)
  const firstSlide = deck.getPage(0)
  const browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: chromiumArgs,
  })
  const rendered = join(work, 'rendered.pdf')
  try {
    const page = await browser.newPage({
      // The page's content box at 96 CSS px to the inch: text wraps here as it will on paper.
      viewport: {
        width: Math.round(contentWidth / 25.4 * 96),
        height: 1000,
      },
    })
    await page.emulateMedia({ media: 'print' })
    await page.setContent(handoutHtml({
      ...data,
      slideAspect: firstSlide.getWidth() / firstSlide.getHeight(),
      fontFaces: deckFontFaces(data.fonts),
    }))
    // Notes too long for their page get smaller type, as a slide tool's notes page would; past 8 pt, stop.
    const overflowing = await page.evaluate(async () => {
      await document.fonts.ready
      return [
        ...document.querySelectorAll<HTMLElement>('.sheet'),
      ].filter((sheet) => {
        const notes = sheet.querySelector<HTMLElement>('.notes')!
        for (let size = 10.5; notes.scrollHeight > notes.clientHeight && size >= 8; size -= 0.5)
          notes.style.fontSize = `${size}pt`
        return notes.scrollHeight > notes.clientHeight
      }).map(sheet => sheet.dataset.slide)
    })
    if (overflowing.length)
      throw new Error(`The speaker notes of slides ${overflowing.join(', ')} do not fit on their page even at 8 pt: shorten them`)
    writeFileSync(rendered, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  }
  finally {
    await browser.close()
  }
  // Slide n is drawn onto page n: make sure page n is its notes page.
  const texts = pdfPageTexts(rendered)
  const { t } = messagesIn(data.lang ?? 'en')
  const caption = (no: number): string => t('handout.caption', { no, count: data.slides.length }).normalize('NFKC').replace(/\s+/g, ' ')
  const misplaced = data.slides.filter(s => !texts[s.no - 1]?.includes(caption(s.no)))
  if (misplaced.length) {
    throw new Error(`The notes pages of slides ${misplaced.map(s => s.no).join(', ')} are not on their own page `
      + `(their "${caption(1)}" line is not on the page of that number, or its text did not come out of the PDF): `
      + `most likely a font draws its digits and spaces with other glyphs or none. The handout's fonts are the deck's headmatter `
      + `fonts (${[
        ...new Set([data.fonts.body, data.fonts.headings, data.fonts.code]),
      ].join(', ')}); a named family should be installed `
      + `with its @fontsource package, and Chromium needs a sans-serif font (fonts-dejavu-core or similar) beside Noto Color Emoji`)
  }
  return placeSlides(readFileSync(rendered), deck, drawnSlides(data))
}
