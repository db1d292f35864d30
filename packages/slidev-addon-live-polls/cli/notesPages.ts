import { PDFDocument, rgb } from 'pdf-lib'
import { slideFrame } from './handoutHtml'

const MM = 72 / 25.4

/**
 * Draws each page of the deck's PDF, as vector content with its own fonts, into the frame at the top of
 * the matching notes page of the rendered handout, framed (pages 1…n are the slides' sheets).
 */
export async function placeSlides(handoutPdf: Uint8Array, deck: PDFDocument): Promise<PDFDocument> {
  const handout = await PDFDocument.load(handoutPdf)
  const slides = await handout.embedPages(deck.getPages())
  if (handout.getPageCount() <= slides.length)
    throw new Error(`The rendered handout has ${handout.getPageCount()} pages for ${slides.length} slides and an appendix`)
  slides.forEach((slide, i) => {
    const page = handout.getPage(i)
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
