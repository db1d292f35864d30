// What every kind's results carry, whatever else they hold.

export interface PollState {
  open: boolean
  revealed: boolean
}

export interface ResultsBase<K extends string = string> extends PollState {
  id: string
  kind: K
  /** Distinct participants who answered. */
  participants: number
}

/** A results object's own figures aside: what the server knows of a poll before counting. */
export type Base = Pick<ResultsBase, 'id' | 'participants' | 'open' | 'revealed'>
