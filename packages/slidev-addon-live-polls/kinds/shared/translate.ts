import type { MessageKey } from '../../i18n/useMessages.ts'

/** The page's `t`: a kind's input takes its own words from the page's messages (i18n/*.json). */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string
