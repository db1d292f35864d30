import { describe, expect, it } from 'vitest'
import { deck } from '../../test/fixturePolls.ts'
import { deckFromSlidev } from './deckPolls.ts'

const poll = { id: 'lunch', kind: 'text', question: 'Lunch?' }

describe('deckFromSlidev', () => {
  it('names the deck from its headmatter and takes the theme\'s primary colour as the accent', () => {
    expect(deckFromSlidev({
      title: 'Ça va? Our Workshop!',
      themeConfig: { primary: '#0a7' },
    }, [
      {
        frontmatter: { poll },
      },
    ], '/d'))
      .toMatchObject({
        title: 'Ça va? Our Workshop!',
        fileStem: 'ca-va-our-workshop',
        accent: '#0a7',
        polls: [
          { id: 'lunch', maxLength: 200 },
        ],
      })
    expect(deckFromSlidev({ title: 'Talk', exportFilename: 'my-talk' }, [], '/d')).toMatchObject({ fileStem: 'my-talk', accent: undefined, polls: [] })
    // Only a colour is passed on to the pages' CSS.
    expect(deckFromSlidev({
      themeConfig: { primary: 'red; background: url(x)' },
    }, [], '/d')).toMatchObject({ title: 'Slidev', fileStem: 'slidev', accent: undefined })
  })

  it('reads the fixture deck from its slides', () => {
    expect(deck).toMatchObject({ title: 'Fixture deck', fileStem: 'fixture-deck', accent: '#0f766e' })
    expect(deck.polls.map(p => p.id)).toEqual([
      'choice',
      'second-choice',
      'third-choice',
      'fourth-choice',
      'choices',
      'ranking',
      'ideas',
      'agreement',
    ])
  })
})
