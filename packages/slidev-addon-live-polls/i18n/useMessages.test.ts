import { describe, expect, it } from 'vitest'
import en from './en.json'
import sv from './sv.json'
import { deckLanguage, flatten, messagesIn, pickLanguage, useMessages } from './useMessages'

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
    expect(Object.keys(english).filter(key => key.startsWith('kinds.text.'))).toEqual([
      'kinds.text.label',
      'kinds.text.charsLeft',
      'kinds.text.handout.label',
      'kinds.text.handout.compared',
    ])
    // A group whose keys are plural categories and more is still a group.
    expect(flatten({
      g: { other: 'x', label: 'y' },
    })).toEqual({ 'g.other': 'x', 'g.label': 'y' })
  })

  it('takes the deck\'s language from Slidev\'s htmlAttrs.lang, English when it has none or one we lack', () => {
    expect(deckLanguage({ lang: 'sv' })).toBe('sv')
    expect(deckLanguage({ lang: 'sv-SE', dir: 'ltr' })).toBe('sv')
    expect(deckLanguage({ lang: 'de' })).toBe('en')
    expect(deckLanguage({})).toBe('en')
    expect(deckLanguage(undefined)).toBe('en')
    expect(deckLanguage({ lang: 7 })).toBe('en')
  })

  it('speaks the slides\' and the handout\'s words in the deck\'s language, numbers as it writes them', () => {
    expect(messagesIn('sv').t('slide.resultsLive')).toBe('Resultaten visas här direkt.')
    expect(messagesIn('en').t('slide.resultsLive')).toBe('Results appear here live.')
    expect(messagesIn('sv').t('answers', { n: 1 })).toBe('1 svar')
    expect(messagesIn('en').t('handout.participants', { n: 3000 })).toBe('3,000 participants')
    expect(messagesIn('sv').t('handout.participants', { n: 3000 })).toBe('3\u00A0000 deltagare')
    expect(messagesIn('sv').t('slide.mean', { mean: 3.5 })).toBe('Medelvärde: 3,5')
    expect(messagesIn('sv').t('slide.share', { share: 25 })).toBe('25 %')
    // A language we lack reads English.
    expect(messagesIn('xx').t('slide.resultsLive')).toBe('Results appear here live.')
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
