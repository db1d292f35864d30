import type { ScalePoll } from './definition.ts'

/** The whole numbers a scale poll accepts, lowest first. */
export function scalePoints(poll: ScalePoll): number[] {
  return Array.from({ length: poll.max - poll.min + 1 }, (_, i) => poll.min + i)
}
