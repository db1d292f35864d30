import { defineVitePluginsSetup } from '@slidev/types'
import { deckFromSlidev } from '../server/domain/deckPolls'
import { isMistake, stopOnMistake } from '../server/entries/mistakes'
import { createPollPlugin } from '../server/entries/vitePlugin'

// The deck's polls, from the slides Slidev has parsed: checked here, so that a malformed poll stops
// `slidev`, `slidev build` and `slidev export` with a message naming the slide and the field. Slidev would
// print a thrown error with its stack (and `slidev dev` its banner): the line is printed here and the command
// ends with exit code 2. `slidev build` has printed its banner before it loads this; dev and export have not.
export default defineVitePluginsSetup((options) => {
  try {
    return [
      createPollPlugin(deckFromSlidev(options.data.headmatter, options.data.slides, options.userRoot), options.mode),
    ]
  }
  catch (err) {
    if (isMistake(err))
      stopOnMistake(err.message, err)
    throw err
  }
})
