import type { Answer } from '../../polls/types.ts'

// What the bench (bench/loadgen.ts) asks of a kind: answers a room might give, and how its results count them.

export interface KindSample<P> {
  /** A random answer the server must accept for `poll` (docs/api.md, "Answer by kind"), so that refusals are real errors. */
  answer: (poll: P, random?: () => number) => Answer
  /**
   * The keys of its results' `counts` an answer adds one to, which the bench checks the presenter's figures against;
   * null where its results have no count per key (text groups, ranking points).
   */
  countedKeys: ((answer: Answer) => string[]) | null
}

export function pick<T>(items: readonly T[], random = Math.random): T {
  return items[Math.floor(random() * items.length)]!
}

export function shuffled<T>(items: readonly T[], random = Math.random): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** One count per answer, keyed by the answer itself (an option id, a point of the scale). */
export function itself(answer: Answer): string[] {
  return [
    String(answer),
  ]
}
