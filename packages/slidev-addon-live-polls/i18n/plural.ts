/** A message's forms by plural category (CLDR: one, few, many, …); `other` is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

const rules = new Map<string, Intl.PluralRules>()

/** The form `n` takes in `lang` (Intl.PluralRules), its placeholders as they are. */
export function pluralForm(lang: string, n: number, forms: PluralForms): string {
  let rule = rules.get(lang)
  if (!rule)
    rules.set(lang, rule = new Intl.PluralRules(lang))
  return forms[rule.select(n)] ?? forms.other
}
