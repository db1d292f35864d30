import en from './en.json'
import sv from './sv.json'

// One JSON file per language: adding a language is a translation plus one line here.
const catalogues: Record<string, Record<keyof typeof en, string>> = { en, sv }

export type MessageKey = keyof typeof en

/** The first of the browser's languages we have, else English. */
export function pickLanguage(preferred: readonly string[]): string {
  return preferred.map(tag => tag.toLowerCase().split('-')[0]!).find(lang => lang in catalogues) ?? 'en'
}

/** `t(key, params)` in the browser's language, with `{name}` placeholders filled in. */
export function useMessages(preferred: readonly string[] = navigator.languages) {
  const lang = pickLanguage(preferred)
  const catalogue = catalogues[lang]!
  const t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
    catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  return { lang, t }
}
