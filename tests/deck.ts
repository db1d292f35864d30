import { resolve } from 'node:path'
import { load } from '@slidev/parser/fs'

export interface SlideInfo {
  no: number
  title: string
  mermaidBlocks: number
}

/** The deck's slides as the source defines them: the truth tests compare the rendered deck against. */
export async function loadSlides(): Promise<SlideInfo[]> {
  const root = resolve(import.meta.dirname, '..')
  const data = await load({ roots: [root], userRoot: root }, resolve(root, 'slides.md'))
  return data.slides.map((slide, i) => ({
    no: i + 1,
    title: slide.title ?? '',
    mermaidBlocks: (slide.content.match(/^```mermaid/gm) ?? []).length,
  }))
}
