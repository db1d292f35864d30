import { describe, expect, it } from 'vitest'
import en from './en.json'
import sv from './sv.json'
import { pickLanguage, useMessages } from './useMessages'

describe('useMessages', () => {
  it('follows the browser\'s first known language', () => {
    expect(pickLanguage(['sv-SE', 'en'])).toBe('sv')
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en')
    expect(pickLanguage(['fr'])).toBe('en')
  })

  it('fills placeholders', () => {
    expect(useMessages(['sv']).t('charsLeft', { n: 12 })).toBe('12 tecken kvar')
  })

  it('has every English key in every language, counted messages with plural forms in each', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort())
    for (const [key, message] of Object.entries(en))
      expect(typeof sv[key as keyof typeof sv], key).toBe(typeof message)
  })

  it('picks the plural form with Intl.PluralRules', () => {
    const { t } = useMessages(['en'])
    expect(t('answers', { n: 1 })).toBe('1 answer')
    expect(t('answers', { n: 0 })).toBe('0 answers')
    expect(t('participants', { n: 1 })).toBe('1 participant has answered')
    expect(t('participants', { n: 3 })).toBe('3 participants have answered')
    expect(t('charsLeft', { n: 1 })).toBe('1 character left')
    expect(useMessages(['sv']).t('moreAnswers', { n: 1 })).toMatch(/^… och 1 annat, ovanligare svar/)
    expect(useMessages(['sv']).t('moreAnswers', { n: 2 })).toMatch(/^… och 2 andra, ovanligare svar/)
  })
})
