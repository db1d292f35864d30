import type { ShallowRef } from 'vue'
import type { DeckInfo } from '../polls/types'
import { shallowRef } from 'vue'

/**
 * The deck's title, file name, accent and join address, from the server at `base` (the phone page and the
 * console are built without any deck's): null until it answers, and if it does not. The accent, when the
 * deck's theme has one, becomes the page's `--accent`.
 */
export function useDeckInfo(base: string): ShallowRef<DeckInfo | null> {
  const info = shallowRef<DeckInfo | null>(null)
  fetch(`${base}api/info`)
    .then(async res => (res.ok
      ? res.json() as Promise<DeckInfo>
      : null))
    .then((deck) => {
      info.value = deck
      if (deck?.accent)
        document.documentElement.style.setProperty('--accent', deck.accent)
    }, () => {})
  return info
}
