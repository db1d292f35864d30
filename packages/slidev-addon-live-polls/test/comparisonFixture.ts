import type { Answer } from '../polls/types.ts'
import type { Store } from '../server/stores/store.ts'
import { moderationKey } from '../polls/normalizeText.ts'

/** The groups compared, as asked: A, B and C workshop sessions and the default session. */
export const COMPARED = ['GRPAAA', 'GRPBBB', 'GRPCCC', '']

const AT = Date.UTC(2026, 0, 2)

/**
 * Every poll kind in four groups, with MIN_GROUP_SIZE 5: A (90 on the open text, 7 elsewhere, 4 on one choice:
 * withheld there; one text moderated; the text poll closed and not revealed), B (6, 3 on the scale: withheld
 * there; the text revealed), C (3: withheld everywhere), the default session (5 on three polls, none elsewhere).
 */
export async function seedComparison(store: Store): Promise<void> {
  await store.createSession('GRPAAA', AT)
  await store.createSession('GRPBBB', AT)
  await store.createSession('GRPCCC', AT)
  await store.setSessionName('GRPAAA', 'Municipalities')
  await store.setSessionName('GRPCCC', 'Small table')
  const votes: { session: string, poll: string, participant: string, answer: Answer }[] = []
  const vote = (session: string, poll: string, participant: string, answer: Answer): void => {
    votes.push({ session, poll, participant, answer })
  }
  const options = [
    'resources',
    'regulation',
    'culture',
    'support',
    'outsourcing',
  ]
  const rotated = (k: number): string[] => [
    ...options.slice(k % 5),
    ...options.slice(0, k % 5),
  ]
  for (let k = 0; k < 7; k++) {
    const p = `a-${k}`
    vote('GRPAAA', 'choice', p, ['formal', 'informal', 'no'][k % 3]!)
    if (k < 4)
      vote('GRPAAA', 'second-choice', p, 'directed')
    vote('GRPAAA', 'choices', p, k % 2
      ? ['resources', 'culture']
      : ['support'])
    vote('GRPAAA', 'ranking', p, rotated(k))
    vote('GRPAAA', 'agreement', p, 1 + (k % 5))
  }
  // 70 texts told apart, some spelt two ways (most used in no one group alone), and one that moderation hides.
  const texts = [
    'Rude words',
    'Rude words',
    'Rude words',
    'Skills',
    'Skills',
    'Skills',
    'Skills',
    'Skills',
    'skills',
    'skills',
    'time',
    'time',
  ]
  for (let k = 0; k < 90; k++)
    vote('GRPAAA', 'ideas', `a-${k}`, texts[k] ?? `idea ${k % 70}${' '.repeat((k + 1) % 2)}`)
  for (let k = 0; k < 6; k++) {
    const p = `b-${k}`
    vote('GRPBBB', 'choice', p, k < 4
      ? 'planned'
      : 'formal')
    vote('GRPBBB', 'second-choice', p, ['accidental', 'directed'][k % 2]!)
    vote('GRPBBB', 'choices', p, ['regulation', 'outsourcing'].slice(0, 1 + (k % 2)))
    vote('GRPBBB', 'ranking', p, rotated(k + 2))
    vote('GRPBBB', 'ideas', p, [
      'skills',
      'Time',
      'time',
      'budgets',
      'Überblick',
      'idea 12',
    ][k]!)
    if (k < 3)
      vote('GRPBBB', 'agreement', p, 5)
  }
  for (let k = 0; k < 3; k++) {
    const p = `c-${k}`
    vote('GRPCCC', 'choice', p, 'unsure')
    vote('GRPCCC', 'choices', p, ['outsourcing'])
    vote('GRPCCC', 'ranking', p, rotated(k))
    vote('GRPCCC', 'ideas', p, 'A secret only three wrote')
    vote('GRPCCC', 'agreement', p, 2)
  }
  for (let k = 0; k < 5; k++) {
    vote('', 'choice', `d-${k}`, 'informal')
    vote('', 'agreement', `d-${k}`, 4)
    vote('', 'ideas', `d-${k}`, k ? 'Skills' : 'Budgets')
  }
  // With the key moderation hides texts by, as the service stores a text.
  await store.saveVotes(votes.map(v => ({
    ...v,
    at: AT,
    key: v.poll === 'ideas'
      ? moderationKey(String(v.answer))
      : undefined,
  })))
  await store.hideAnswers('GRPAAA', 'ideas', moderationKey('rude words'), AT)
  await store.setState('GRPAAA', 'ideas', { open: false, revealed: false })
  await store.setState('GRPBBB', 'ideas', { open: true, revealed: true })
}
