import type { PollSlideSource } from '../../polls/collectPolls.ts'
import type { Poll } from '../../polls/schema.ts'
import { existsSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { collectPolls } from '../../polls/collectPolls.ts'
import { UserMistake } from '../entries/mistakes.ts'

/** What the poll server knows of the deck it serves: its polls, and what names and colours it. */
export interface Deck {
  polls: Poll[]
  /** The deck's title (headmatter `title`), shown on the phones. */
  title: string
  /** A file name without extension for exports: headmatter `exportFilename`, else the title made safe. */
  fileStem: string
  /** The theme's primary colour (headmatter `themeConfig.primary`), the phones' and console's accent. */
  accent?: string
}

interface SlidevSlide { frontmatter: Record<string, unknown>, source?: { filepath?: string } }

/** A deck's slides as the poll collector reads them, from Slidev's parsed slides (imported pages included). */
function pollSlideSources(slides: SlidevSlide[], root: string): PollSlideSource[] {
  return slides.map((slide, i) => ({
    no: i + 1,
    file: slide.source?.filepath && relative(root, slide.source.filepath),
    frontmatter: slide.frontmatter,
  }))
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : undefined
}

/** The deck as Slidev has parsed it (headmatter and slides): its polls checked, its names and colour read. */
export function deckFromSlidev(headmatter: Record<string, unknown>, slides: SlidevSlide[], root: string): Deck {
  const title = text(headmatter.title) ?? 'Slidev'
  const primary = text((headmatter.themeConfig as Record<string, unknown> | undefined)?.primary)
  return {
    polls: collectPolls(pollSlideSources(slides, root)),
    title,
    fileStem: text(headmatter.exportFilename) ?? (title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'slides'),
    accent: primary && /^#[0-9a-f]{3,8}$/i.test(primary)
      ? primary
      : undefined,
  }
}

/** The deck whose entry is `entry` (e.g. slides.md), parsed as Slidev parses it. */
export async function loadDeck(entry: string): Promise<Deck> {
  const path = resolve(entry)
  if (!existsSync(path))
    throw new UserMistake(`No deck at ${entry}: no such file`)
  const root = dirname(path)
  const data = await load({
    roots: [root],
    userRoot: root,
  }, path)
  return deckFromSlidev(data.headmatter, data.slides, root)
}
