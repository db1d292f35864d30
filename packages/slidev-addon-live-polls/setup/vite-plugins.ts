import { defineVitePluginsSetup } from '@slidev/types'
import { deckFromSlidev } from '../server/deckPolls'
import { createPollPlugin } from '../server/vitePlugin'

// The deck's polls, from the slides Slidev has parsed: checked here, so that a malformed poll stops
// `slidev`, `slidev build` and `slidev export` with a message naming the slide and the field.
export default defineVitePluginsSetup(options => [
  createPollPlugin(deckFromSlidev(options.data.headmatter, options.data.slides, options.userRoot)),
])
