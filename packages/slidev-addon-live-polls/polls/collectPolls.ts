import type { Poll } from './schema.ts'
import * as v from 'valibot'
import { PollSchema } from './schema.ts'

/** A slide as Slidev's parser gives it: its number, where it is written, and its frontmatter. */
export interface PollSlideSource {
  no: number
  file?: string
  frontmatter: Record<string, unknown>
}

/** A deck's polls that cannot be used as written: the message names the slide and the field. */
export class PollDefinitionError extends Error {}

/** The polls a deck's slides define (`poll:` in a slide's frontmatter), in slide order, checked. */
export function collectPolls(slides: PollSlideSource[]): Poll[] {
  const polls: Poll[] = []
  const where = new Map<string, string>()
  for (const slide of slides) {
    if (slide.frontmatter.poll === undefined)
      continue
    const place = `slide ${slide.no}${slide.file
      ? ` (${slide.file})`
      : ''}`
    const parsed = v.safeParse(PollSchema, slide.frontmatter.poll)
    if (!parsed.success) {
      const issue = parsed.issues[0]
      const path = v.getDotPath(issue)
      throw new PollDefinitionError(`${place}: poll${path
        ? `.${path}`
        : ''}: ${issue.message}`)
    }
    const seen = where.get(parsed.output.id)
    if (seen)
      throw new PollDefinitionError(`${place}: poll.id: "${parsed.output.id}" is already the id of the poll on ${seen}`)
    where.set(parsed.output.id, place)
    polls.push(parsed.output)
  }
  return polls
}
