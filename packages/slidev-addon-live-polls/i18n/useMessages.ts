import type { PluralForms } from './plural'
import en from './en.json'
import { pluralForm } from './plural'
import sv from './sv.json'

// One JSON file per language: adding a language is a translation plus one line here. A message that counts
// something is an object of plural forms ({"one": …, "other": …}), chosen by its `n`. Any other object groups
// messages under its key: each poll kind's own under `kinds.<name>` (the kind's Input.vue asks for
// `kinds.text.label`), so that a kind's words sit together in every language.

type Message = string | PluralForms
interface Messages { [key: string]: Message | Messages }

/** Every message's key: a group's messages as `group.key`, a plural object as one message. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string | { other: string }
    ? K
    : `${K}.${KeysOf<T[K]>}`
}[keyof T & string]

export type MessageKey = KeysOf<typeof en>

// CLDR's plural categories: an object whose keys are all of these, `other` among them, is one message's forms.
const CATEGORIES = new Set<string>([
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
])

/** Whether an object of a catalogue is a plural message (else it is a group of messages). */
export function isPlural(value: Messages | PluralForms): value is PluralForms {
  return typeof value.other === 'string' && Object.keys(value).every(key => CATEGORIES.has(key))
}

/** A catalogue as its keys read: groups' messages under `group.key`. */
export function flatten(messages: Messages, prefix = '', into: Record<string, Message> = {}): Record<string, Message> {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string' || isPlural(value))
      into[prefix + key] = value
    else
      flatten(value, `${prefix}${key}.`, into)
  }
  return into
}

const catalogues: Record<string, Record<string, Message>> = {
  en: flatten(en),
  sv: flatten(sv),
}

/** The first of the browser's languages we have, else English. */
export function pickLanguage(preferred: readonly string[]): string {
  return preferred.map(tag => tag.toLowerCase().split('-')[0]!).find(lang => lang in catalogues) ?? 'en'
}

/** The deck's language (Slidev's `htmlAttrs.lang` in its headmatter) if we have it, else English. */
export function deckLanguage(htmlAttrs: unknown): string {
  const lang = (htmlAttrs as { lang?: unknown } | null | undefined)?.lang
  return typeof lang === 'string'
    ? pickLanguage([lang])
    : 'en'
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** One language's messages: `t`, and numbers as that language writes them. */
export interface Translator {
  lang: string
  t: Translate
  /** A number as the language writes it ("3,000", "3 000"). */
  number: (n: number) => string
}

const translators = new Map<string, Translator>()

/**
 * `t(key, params)` in `lang` (one we have: pickLanguage, deckLanguage), in the plural form `params.n` takes, with
 * `{name}` placeholders filled in; numbers as the language writes them.
 */
export function messagesIn(lang: string): Translator {
  let found = translators.get(lang)
  if (found)
    return found
  const catalogue = catalogues[lang] ?? catalogues.en!
  const numbers = new Intl.NumberFormat(lang)
  const number = (n: number): string => numbers.format(n)
  const t: Translate = (key, params = {}) => {
    const message = catalogue[key] ?? key
    const text = typeof message === 'string'
      ? message
      : pluralForm(lang, Number(params.n), message)
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name]
      return value === undefined
        ? `{${name}}`
        : typeof value === 'number'
          ? number(value)
          : value
    })
  }
  translators.set(lang, found = { lang, t, number })
  return found
}

/** `t(key, params)` in the browser's language (the phone page and the console), else English. */
export function useMessages(preferred: readonly string[] = navigator.languages): Translator {
  return messagesIn(pickLanguage(preferred))
}
