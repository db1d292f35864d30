import type { PluralForms } from './plural'
import en from './en.json'
import { plural } from './plural'
import sv from './sv.json'

// One JSON file per language: adding a language is a translation plus one line here. A message that counts
// something is an object of plural forms ({"one": …, "other": …}), chosen by its `n`.
const catalogues: Record<string, Record<keyof typeof en, string | PluralForms>> = { en, sv }

export type MessageKey = keyof typeof en

/** The first of the browser's languages we have, else English. */
export function pickLanguage(preferred: readonly string[]): string {
  return preferred.map(tag => tag.toLowerCase().split('-')[0]!).find(lang => lang in catalogues) ?? 'en'
}

/** `t(key, params)` in the browser's language, in the plural form `params.n` takes, with `{name}` placeholders filled in. */
export function useMessages(preferred: readonly string[] = navigator.languages) {
  const lang = pickLanguage(preferred)
  const catalogue = catalogues[lang]!
  const t = (key: MessageKey, params: Record<string, string | number> = {}): string => {
    const message = catalogue[key]
    const text = typeof message === 'string'
      ? message
      : plural(lang, Number(params.n), message)
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }
  return { lang, t }
}
