import type { Translator } from '../i18n/useMessages'
import { configs } from '@slidev/client'
import { deckLanguage, messagesIn } from '../i18n/useMessages'

/**
 * The slides' messages in the deck's language (Slidev's `htmlAttrs.lang` in the headmatter), else English: the poll
 * slides, the join screen and the comparison view speak the deck's language, the phone page and the console the
 * browser's (useMessages).
 */
export function useDeckMessages(): Translator {
  return messagesIn(deckLanguage(configs.htmlAttrs))
}
