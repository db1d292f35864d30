import { describe, expect, it } from 'vitest'
import { findPoll } from '../polls/definitions'
import { escapeHtml, handoutHtml } from './handoutHtml'

describe('handoutHtml', () => {
  it('escapes whatever participants typed', () => {
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe('&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;')
    const html = handoutHtml({
      title: 'T',
      author: 'A',
      session: 'ABC234',
      date: '2026-11-27',
      participants: 1,
      slides: [],
      polls: [
        {
          poll: findPoll('what-else')!,
          results: {
            id: 'what-else',
            kind: 'text',
            participants: 1,
            open: true,
            revealed: true,
            entries: [
              { text: '<img src=x onerror=alert(1)>', count: 1 },
            ],
            moreEntries: 0,
          },
        },
      ],
    })
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
  })
})
