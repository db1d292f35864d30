import type { PollSlideSource } from '../polls/collectPolls.ts'
import type { Poll } from '../polls/schema.ts'
import { dirname, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { collectPolls } from '../polls/collectPolls.ts'

/** A deck's slides as the poll collector reads them, from Slidev's parsed slides (imported pages included). */
export function pollSlideSources(slides: { frontmatter: Record<string, unknown>, source?: { filepath?: string } }[], root: string): PollSlideSource[] {
  return slides.map((slide, i) => ({
    no: i + 1,
    file: slide.source?.filepath && relative(root, slide.source.filepath),
    frontmatter: slide.frontmatter,
  }))
}

/** The polls of the deck whose entry is `entry` (e.g. slides.md): parsed as Slidev parses it, then checked. */
export async function loadDeckPolls(entry: string): Promise<Poll[]> {
  const path = resolve(entry)
  const root = dirname(path)
  const data = await load({
    roots: [root],
    userRoot: root,
  }, path)
  return collectPolls(pollSlideSources(data.slides, root))
}
