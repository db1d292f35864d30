import { resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { slideHeading } from '../packages/slidev-addon-live-polls/cli/slideHeading'

export interface SlideInfo {
  no: number
  /** The slide's heading: its `# title`, or a poll slide's question. */
  title: string
  poll?: string
  layout?: string
  mermaidBlocks: number
}

/** The deck's slides as the source defines them: the truth tests compare the rendered deck against. */
export async function loadSlides(): Promise<SlideInfo[]> {
  const root = resolve(import.meta.dirname, '..')
  const data = await load({
    roots: [root],
    userRoot: root,
  }, resolve(root, 'slides.md'))
  return data.slides.map((slide, i) => ({
    no: i + 1,
    title: slideHeading(slide),
    poll: (slide.frontmatter.poll as { id: string } | undefined)?.id,
    layout: slide.frontmatter.layout,
    mermaidBlocks: (slide.content.match(/^```mermaid/gm) ?? []).length,
  }))
}
