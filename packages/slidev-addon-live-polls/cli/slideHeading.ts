import type { SlideInfo } from '@slidev/types'

/**
 * A slide's heading as it renders: a poll slide's question, else its first `# heading` (Slidev's `title` is the
 * frontmatter's `title` when there is one, and the first slide's frontmatter is the deck's headmatter, whose
 * `title` names the deck, not what the slide shows), else Slidev's title.
 */
export function slideHeading(slide: Pick<SlideInfo, 'title' | 'frontmatter'> & { content?: string }): string {
  if (slide.frontmatter.poll)
    return (slide.frontmatter.poll as { question: string }).question
  let fenced = false
  for (const line of (slide.content ?? '').split('\n')) {
    if (/^(?:```|~~~)/.test(line))
      fenced = !fenced
    const heading = fenced
      ? undefined
      : /^#{1,6}[ \t]+(\S.*)$/.exec(line)?.[1]
    if (heading)
      return heading.trim()
  }
  return slide.title ?? ''
}
