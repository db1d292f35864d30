import type { PollOption } from './definition.ts'

// What the browser may ask of a kind (kinds/traits.ts lists each kind's): plain data and small functions, nothing that
// loads a schema, a chart or the server's counting (text's counting is Node-only: sorted-btree by createRequire).

export interface KindTraits<P> {
  /** Answers are free text, grouped by the key moderation hides by: the console lists them to hide, the server hides them. */
  moderated: boolean
  /** What a poll slide shows of the poll while it waits for results: its options as a list, one line, or nothing. */
  preview: (poll: P) => string[] | string | null
}

/** The options' labels, in the deck's order (choice and ranking). */
export const optionLabels = (poll: { options: PollOption[] }): string[] => poll.options.map(o => o.label)
