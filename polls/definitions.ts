import type { Poll } from './types.ts'

const survey = 'Industry: OSPO Survey 2022, The Linux Foundation'

/** The talk's public-sector challenges, each beside the survey's closest industry challenge. */
const publicSectorChallenges = [
  {
    id: 'resources',
    label: 'Limited resources and knowledge',
    reference: 29,
    referenceNote: 'insufficient budget',
  },
  {
    id: 'regulation',
    label: 'Regulatory constraints',
    reference: 18,
    referenceNote: 'license compliance overhead',
  },
  {
    id: 'culture',
    label: 'Risk-aversive culture and short-term focus',
    reference: 18,
    referenceNote: 'teams on board with compliance and security',
  },
  {
    id: 'support',
    label: 'Limited understanding and overall support',
    reference: 34,
    referenceNote: 'execute awareness and support',
  },
  {
    id: 'outsourcing',
    label: 'Dependency on outsourced and procured technical capacity',
    reference: 33,
    referenceNote: 'recruiting open source developers',
  },
]

/** Every poll in the deck, in the order the talk reaches them. A slide names its poll with `poll: <id>`. */
export const polls: Poll[] = [
  {
    id: 'has-ospo',
    kind: 'single',
    question: 'Does your organisation have an OSPO, or something like it?',
    referenceLabel: `${survey} (1,048 respondents)`,
    options: [
      { id: 'formal', label: 'Yes, a formal OSPO', reference: 30 },
      { id: 'informal', label: 'Yes, something like it', reference: 20 },
      { id: 'planned', label: 'Not yet, but one is planned' },
      { id: 'no', label: 'No' },
      { id: 'unsure', label: 'I don\'t know' },
    ],
  },
  {
    id: 'maturity',
    kind: 'single',
    question: 'Where is your organisation on the Open Source Maturity model?',
    options: [
      { id: 'accidental', label: '1 · Accidental' },
      { id: 'repetitive', label: '2 · Repetitive' },
      { id: 'directed', label: '3 · Directed' },
      { id: 'collaborate', label: '4 · Collaborate' },
      { id: 'prevail', label: '5 · Prevail' },
    ],
  },
  {
    id: 'level',
    kind: 'single',
    question: 'Which level of government would your OSPO sit under?',
    options: [
      { id: 'international', label: 'International' },
      { id: 'national', label: 'National' },
      { id: 'regional', label: 'Regional' },
      { id: 'municipal', label: 'Municipal' },
      { id: 'none', label: 'Not in the public sector' },
    ],
  },
  {
    id: 'sponsor',
    kind: 'single',
    question: 'Who would sponsor your OSPO?',
    options: [
      { id: 'cio', label: 'CIO/CDO' },
      { id: 'procurement', label: 'Procurement office' },
      { id: 'assembly', label: 'General assembly/owners' },
      { id: 'executive', label: 'Executive management' },
      { id: 'other', label: 'Someone else' },
    ],
  },
  {
    id: 'challenges',
    kind: 'multiple',
    question: 'Which of these challenges does your organisation face?',
    referenceLabel: `${survey}: share naming the closest industry challenge (n=255)`,
    options: publicSectorChallenges,
  },
  {
    id: 'challenges-rank',
    kind: 'ranking',
    question: 'Rank these challenges: the biggest first',
    options: publicSectorChallenges.map(({ id, label }) => ({ id, label })),
  },
  {
    id: 'what-else',
    kind: 'text',
    question: 'What else? Which challenge is missing from the list?',
    maxLength: 200,
    hideResults: true,
  },
  {
    id: 'twenty-years',
    kind: 'scale',
    question: '"The public sector is where industry was 20 years ago."',
    min: 1,
    max: 5,
    minLabel: 'Strongly disagree',
    maxLabel: 'Strongly agree',
  },
]

export function findPoll(id: string): Poll | undefined {
  return polls.find(poll => poll.id === id)
}
