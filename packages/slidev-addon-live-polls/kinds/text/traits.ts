import type { KindTraits } from '../shared/traits.ts'
import type { TextPoll } from './definition.ts'

export const traits: KindTraits<TextPoll> = {
  /** Hidden by moderation's key (kinds/text/groups.ts: answers grouped by it, so a group is hidden whole). */
  moderated: true,
  preview: () => null,
}
