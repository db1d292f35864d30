import type { HandoutInput } from './handoutHtml'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { deckFonts } from './deckFontFaces'
import { handoutPdf } from './handoutPdf'
import { pdfPageTexts } from './slidePagesCheck'

const work = mkdtempSync(join(tmpdir(), 'handout-pdf-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A deck PDF of `count` 16:9 pages, a heading on each, as `slidev export` gives one page a slide. */
async function deckPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (let i = 0; i < count; i++)
    pdf.addPage([960, 540]).drawText(`Slide ${i + 1}`, { x: 40, y: 480 })
  return pdf.save()
}

describe('the handout of a deck that names no fonts (`fonts: { provider: none }`, as examples/minimal)', () => {
  it('comes out in the browser\'s generic families: every notes page on its own page, digits and all', async () => {
    const slides = Array.from({ length: 10 }, (_, i) => ({ no: i + 1, title: `Slide ${i + 1}`, note: `Say 1 2 3 about slide ${i + 1}.` }))
    const data: HandoutInput = {
      title: 'Team retro',
      session: 'ABC234',
      date: '2026-12-08',
      participants: 0,
      slides,
      fonts: deckFonts({ provider: 'none' }),
      polls: [],
    }
    const pdf = await handoutPdf(data, await deckPdf(slides.length), work)
    const file = join(work, 'handout.pdf')
    writeFileSync(file, await pdf.save())
    const pages = pdfPageTexts(file)
    expect(pages[0]).toContain('Slide 1 of 10')
    expect(pages[9]).toContain('Say 1 2 3 about slide 10.')
  }, 60_000)
})
