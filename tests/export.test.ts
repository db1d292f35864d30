import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { createSqliteStore } from '../packages/slidev-addon-live-polls/server/stores/sqliteStore'
import { loadSlides } from './deck'

/** Text of one PDF page, ligatures unfolded and white space collapsed so wrapped headings match. */
function pageText(file: string, page: number): string {
  const text = execFileSync('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ], { encoding: 'utf8' })
  return text.normalize('NFKC').replace(/\s+/g, ' ')
}

describe('npm run export', () => {
  it('writes one PDF page per slide, with every heading as selectable text and stored poll results', async () => {
    const slides = await loadSlides()
    const dir = mkdtempSync(join(tmpdir(), 'deck-export-'))
    const out = join(dir, 'deck.pdf')
    // Export reads the poll database through the same Vite plugin as `npm run dev`: give it votes for one poll.
    const db = join(dir, 'polls.sqlite')
    const store = createSqliteStore(db)
    await store.saveVotes(['formal', 'formal', 'no'].map((answer, i) => ({
      session: '',
      poll: 'has-ospo',
      participant: `exporter-${i}-x`,
      answer,
      at: Date.now(),
    })))
    await store.saveVotes([
      {
        session: '',
        poll: 'what-else',
        participant: 'exporter-html',
        answer: '<b>bold</b> & <script>x()</script>',
        at: Date.now(),
      },
    ])
    await store.setState('', 'what-else', { open: true, revealed: true })
    await store.close()
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/export.ts',
      '--output',
      out,
    ], {
      stdio: 'inherit',
      env: { ...process.env, POLL_DB: db },
    })

    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(slides.length)

    for (const slide of slides)
      expect(pageText(out, slide.no), `heading of slide ${slide.no}`).toContain(slide.title)

    // Only the deck's fonts: a glyph none of them has (a box-drawing legend mark did) would bring in a fallback.
    const fonts = new Set(execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2).map(row => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '').split('-')[0]))
    expect([...fonts].sort()).toEqual(['FiraCodeLight', 'Lato', 'Lexend'])

    const pollPages = slides.filter(s => s.poll)
    const voted = pageText(out, pollPages.find(s => s.poll === 'has-ospo')!.no)
    // (the answer count in the side panel may land between a label and its figure in reading order)
    expect(voted).toMatch(/Yes, a formal OSPO (?:3 answers )?2 · 67%/)
    expect(voted).toContain('No 1 · 33%')
    expect(voted).toContain('3 answers')
    // Markup typed by a participant reaches the PDF as text.
    expect(pageText(out, pollPages.find(s => s.poll === 'what-else')!.no)).toContain('<b>bold</b> & <script>x()</script>')
    // No votes (or no server): the question, its options and a calm placeholder, never an error.
    for (const slide of pollPages.filter(s => s.poll !== 'has-ospo' && s.poll !== 'what-else'))
      expect(pageText(out, slide.no)).toContain('Results appear here live.')
  }, 300_000)
})

describe('npm run export -- --format png', () => {
  it('writes a PNG of a single slide', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-png-'))
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'packages/slidev-addon-live-polls/cli/export.ts',
      '--format',
      'png',
      '--range',
      '3',
      '--output',
      dir,
    ], { stdio: 'inherit' })
    const pngs = readdirSync(dir).filter(f => f.endsWith('.png'))
    expect(pngs).toHaveLength(1)
    // PNG signature, and a real picture rather than an empty file.
    const png = readFileSync(join(dir, pngs[0]!))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.length).toBeGreaterThan(10_000)
  }, 300_000)
})
