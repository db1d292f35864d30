import { definePreparserSetup } from '@slidev/types'
import { loadDeck } from '../server/domain/deckPolls'
import { isMistake, stopOnMistake } from '../server/entries/mistakes'
import { deckDefaults } from './deckDefaults'

// `slidev build` and `slidev export` print their banner before they load the Vite plugins that check the polls
// (setup/vite-plugins.ts). Slidev runs this while it parses the deck, before the banner: a malformed poll
// ends them here in its one line. Not in `slidev` (dev), which parses again on every save: an edit must not
// stop the server; there the Vite plugins' check at start is the one.
let checking = false

export default definePreparserSetup(async ({ filepath, headmatter, mode }) => {
  // loadDeck parses the deck as Slidev does, which runs this setup again: that inner run checks nothing.
  if (mode !== 'dev' && !checking) {
    checking = true
    try {
      await loadDeck(filepath)
    }
    catch (err) {
      if (isMistake(err))
        stopOnMistake(err.message, err)
      throw err
    }
    finally {
      checking = false
    }
  }
  return [
    deckDefaults(headmatter),
  ]
})
