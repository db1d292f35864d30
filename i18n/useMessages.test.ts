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

  it('has every English key in every language', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort())
  })
})
