import type { Answer, Poll } from '../packages/slidev-addon-live-polls/polls/types'
import { sampleOf } from '../packages/slidev-addon-live-polls/kinds/samples'

// The bench's answers are each kind's own (kinds/<kind>/sample.ts). They are made by this checkout's code even when
// `--compare <ref>` runs an older server: an answer's shape per kind is the API (docs/api.md), not a layout.
export { randomText } from '../packages/slidev-addon-live-polls/kinds/text/sample'

/** A random answer the server must accept for this poll (the addon's docs/api.md, "answer by kind"), so refusals are real errors. */
export function randomAnswer(poll: Poll): Answer {
  return sampleOf(poll).answer(poll)
}
