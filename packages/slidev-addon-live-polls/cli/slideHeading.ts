import type { SlideInfo } from '@slidev/types'

/** A slide's heading as it renders: its `# title`, or a poll slide's question. */
export function slideHeading(slide: Pick<SlideInfo, 'title' | 'frontmatter'>): string {
  return slide.frontmatter.poll
    ? (slide.frontmatter.poll as { question: string }).question
    : slide.title ?? ''
}
