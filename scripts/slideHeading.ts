import type { SlideInfo } from '@slidev/types'
import { findPoll } from '../polls/definitions'

/** A slide's heading as it renders: its `# title`, or a poll slide's question. */
export function slideHeading(slide: Pick<SlideInfo, 'title' | 'frontmatter'>): string {
  return slide.frontmatter.poll
    ? findPoll(slide.frontmatter.poll)!.question
    : slide.title ?? ''
}
