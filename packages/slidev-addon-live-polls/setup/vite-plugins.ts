import { defineVitePluginsSetup } from '@slidev/types'
import { collectPolls } from '../polls/collectPolls'
import { pollSlideSources } from '../server/deckPolls'
import { createPollPlugin } from '../server/vitePlugin'

// The deck's polls, from the slides Slidev has parsed: checked here, so that a malformed poll stops
// `slidev`, `slidev build` and `slidev export` with a message naming the slide and the field.
export default defineVitePluginsSetup(options => [
  createPollPlugin(collectPolls(pollSlideSources(options.data.slides, options.userRoot))),
])
