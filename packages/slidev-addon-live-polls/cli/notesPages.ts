import { PDFDocument, rgb } from 'pdf-lib'
import { slideFrame } from './handoutHtml'

const MM = 72 / 25.4

/**
 * Draws each page of the deck's PDF, as vector content with its own fonts, into the frame at the top of
 * the matching notes page of the rendered handout, framed (pages 1…n are the slides' sheets); `skip`: the
 * numbers of slides whose frame the handout has filled itself.
 */
export async function placeSlides(handoutPdf: Uint8Array, deck: PDFDocument, skip: ReadonlySet<number> = new Set()): Promise<PDFDocument> {
  const handout = await PDFDocument.load(handoutPdf)
  if (handout.getPageCount() <= deck.getPageCount())
    throw new Error(`The rendered handout has ${handout.getPageCount()} pages for ${deck.getPageCount()} slides and an appendix`)
  // Only the slides drawn are embedded: a skipped one is not in the file at all, not even unused.
  const drawn = deck.getPages().map((page, i) => ({ page, i })).filter(({ i }) => !skip.has(i + 1))
  const slides = await handout.embedPages(drawn.map(d => d.page))
  slides.forEach((slide, k) => {
    const page = handout.getPage(drawn[k]!.i)
    const frame = slideFrame(slide.width / slide.height)
    const box = {
      x: frame.x * MM,
      y: page.getHeight() - (frame.top + frame.height) * MM,
      width: frame.width * MM,
      height: frame.height * MM,
    }
    page.drawPage(slide, box)
    // A hairline round the slide, so a white slide stands apart from the page.
    page.drawRectangle({
      ...box,
      borderColor: rgb(0.6, 0.6, 0.6),
      borderWidth: 0.5,
    })
  })
  return handout
}
