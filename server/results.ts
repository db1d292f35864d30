import type { Answer, HiddenResults, Poll, PollResults, PollState, TextEntry } from '../polls/types.ts'
import { moderationKey } from '../polls/normalizeText.ts'
import { scalePoints } from '../polls/scalePoints.ts'

function countOptions(ids: string[], answers: Answer[]): Record<string, number> {
  const counts = Object.fromEntries(ids.map(id => [id, 0]))
  for (const answer of answers) {
    for (const id of Array.isArray(answer) ? answer : [String(answer)]) {
      if (id in counts)
        counts[id]! += 1
    }
  }
  return counts
}

/** Groups answers that read the same (the key moderation hides by), each shown as its first spelling. */
function groupTexts(answers: Answer[]): TextEntry[] {
  const groups = new Map<string, TextEntry>()
  // A word cloud repeats words: key each distinct spelling once.
  const keys = new Map<string, string>()
  for (const answer of answers) {
    const text = String(answer)
    let key = keys.get(text)
    if (key === undefined)
      keys.set(text, key = moderationKey(text))
    const entry = groups.get(key)
    if (entry)
      entry.count += 1
    else groups.set(key, { text, count: 1 })
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
}

/** Aggregates stored answers (one per participant) into what a chart shows. */
export function aggregate(poll: Poll, state: PollState, answers: Answer[]): PollResults {
  const base = { id: poll.id, participants: answers.length, ...state }
  switch (poll.kind) {
    case 'single':
    case 'multiple':
      return { ...base, kind: poll.kind, counts: countOptions(poll.options.map(o => o.id), answers) }
    case 'scale': {
      const points = scalePoints(poll).map(String)
      const sum = answers.reduce<number>((total, answer) => total + Number(answer), 0)
      const mean = answers.length ? Math.round((sum / answers.length) * 100) / 100 : null
      return { ...base, kind: 'scale', counts: countOptions(points, answers), mean }
    }
    case 'text':
      return { ...base, kind: 'text', entries: groupTexts(answers) }
    case 'ranking': {
      const ids = poll.options.map(o => o.id)
      const scores = Object.fromEntries(ids.map(id => [id, 0]))
      for (const answer of answers) {
        (answer as string[]).forEach((id, position) => {
          scores[id]! += ids.length - 1 - position
        })
      }
      const order = [...ids].sort((a, b) => scores[b]! - scores[a]! || ids.indexOf(a) - ids.indexOf(b))
      return { ...base, kind: 'ranking', scores, order }
    }
  }
}

/** What an audience sees of results not yet revealed: only how many have answered, so nothing is aggregated for it. */
export function hiddenResults(poll: Poll, state: PollState, participants: number): HiddenResults {
  return { id: poll.id, kind: poll.kind, participants, open: state.open, revealed: state.revealed, hidden: true }
}
