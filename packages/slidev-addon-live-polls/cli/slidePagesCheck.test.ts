import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { blankSlidePages, exportCheckedDeck } from './slidePagesCheck'

const dir = mkdtempSync(join(tmpdir(), 'slide-pages-'))

/** A deck PDF standing in for Slidev's: one landscape page per entry, with that text on it ('' = blank page). */
async function fakeDeck(file: string, pages: string[]): Promise<string> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (const text of pages) {
    const page = pdf.addPage([735, 414])
    // A blank slide page still has its background painted.
    page.drawRectangle({
      x: 0,
      y: 0,
      width: 735,
      height: 414,
      color: rgb(0.98, 0.9, 0.86),
    })
    if (text)
      page.drawText(text, { x: 40, y: 300, size: 28, font })
  }
  const path = join(dir, file)
  writeFileSync(path, await pdf.save())
  return path
}

const headings = ['Three definitions', 'So, what is an OSPO?', '']

describe('blankSlidePages', () => {
  it('finds the slide pages without their heading (or, for a slide without one, without any text)', async () => {
    expect(blankSlidePages(await fakeDeck('good.pdf', ['Three definitions', 'So, what is an OSPO?', 'A photo credit']), headings)).toEqual([])
    expect(blankSlidePages(await fakeDeck('one.pdf', ['Three definitions', '', 'A photo credit']), headings)).toEqual([2])
    expect(blankSlidePages(await fakeDeck('blank.pdf', ['', '', '']), headings)).toEqual([1, 2, 3])
    // A page missing at the end counts as blank too.
    expect(blankSlidePages(await fakeDeck('short.pdf', ['Three definitions', 'So, what is an OSPO?']), headings)).toEqual([3])
  })
})

describe('exportCheckedDeck', () => {
  it('exports once more when the slide pages came out blank, and goes on when they are fine', async () => {
    const out = join(dir, 'deck-retry.pdf')
    const runs: string[][] = [
      ['', '', ''],
      ['Three definitions', 'So, what is an OSPO?', 'Credit'],
    ]
    let exports = 0
    const said: string[] = []
    await exportCheckedDeck(async () => {
      await fakeDeck('deck-retry.pdf', runs[exports++]!)
    }, () => blankSlidePages(out, headings), line => said.push(line))
    expect(exports).toBe(2)
    expect(said.join('\n')).toContain('slides 1, 2, 3 came out blank')
  })

  it('fails, naming the blank slides, when the second export is blank too', async () => {
    const out = join(dir, 'deck-blank.pdf')
    let exports = 0
    await expect(exportCheckedDeck(async () => {
      exports++
      await fakeDeck('deck-blank.pdf', ['', '', ''])
    }, () => blankSlidePages(out, headings), () => {})).rejects.toThrow('slides 1, 2, 3 blank (no heading or text on their pages), twice')
    expect(exports).toBe(2)
  })
})
