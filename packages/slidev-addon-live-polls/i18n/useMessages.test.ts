import { describe, expect, it } from 'vitest'
import en from './en.json'
import sv from './sv.json'
import { flatten, pickLanguage, useMessages } from './useMessages'

describe('useMessages', () => {
  it('follows the browser\'s first known language', () => {
    expect(pickLanguage(['sv-SE', 'en'])).toBe('sv')
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en')
    expect(pickLanguage(['fr'])).toBe('en')
  })

  it('fills placeholders', () => {
    expect(useMessages(['sv']).t('kinds.text.charsLeft', { n: 12 })).toBe('12 tecken kvar')
  })

  it('has every English key in every language, counted messages with plural forms in each', () => {
    const english = flatten(en)
    const swedish = flatten(sv)
    expect(Object.keys(swedish).sort()).toEqual(Object.keys(english).sort())
    for (const [key, message] of Object.entries(english))
      expect(typeof swedish[key], key).toBe(typeof message)
  })

  it('reads a kind\'s messages under kinds.<name>, and tells a group of messages from a plural message', () => {
    const english = flatten(en)
    expect(english['kinds.single.hint']).toBe('Choose one answer')
    // A plural message is one key, its forms not split into keys of their own.
    expect(english['kinds.text.charsLeft']).toEqual({ one: '{n} character left', other: '{n} characters left' })
    expect(Object.keys(english).filter(key => key.startsWith('kinds.text.'))).toEqual(['kinds.text.label', 'kinds.text.charsLeft'])
    // A group whose keys are plural categories and more is still a group.
    expect(flatten({
      g: { other: 'x', label: 'y' },
    })).toEqual({ 'g.other': 'x', 'g.label': 'y' })
  })

  it('picks the plural form with Intl.PluralRules', () => {
    const { t } = useMessages(['en'])
    expect(t('answers', { n: 1 })).toBe('1 answer')
    expect(t('answers', { n: 0 })).toBe('0 answers')
    expect(t('participants', { n: 1 })).toBe('1 participant has answered')
    expect(t('participants', { n: 3 })).toBe('3 participants have answered')
    expect(t('kinds.text.charsLeft', { n: 1 })).toBe('1 character left')
    expect(useMessages(['sv']).t('moreAnswers', { n: 1 })).toMatch(/^… och 1 annat, ovanligare svar/)
    expect(useMessages(['sv']).t('moreAnswers', { n: 2 })).toMatch(/^… och 2 andra, ovanligare svar/)
  })
})
