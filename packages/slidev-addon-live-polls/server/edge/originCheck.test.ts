import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createOriginCheck } from './originCheck.ts'

function request(origin: string | undefined, host = 'polls.example.org') {
  return ({
    headers: {
      host,
      ...(origin === undefined
        ? {}
        : { origin }),
    },
  }) as IncomingMessage
}

describe('createOriginCheck', () => {
  const allowed = createOriginCheck(['https://public.example.org', 'https://*.lms.example', 'events.example.net:8443'])

  it('lets through requests without Origin and from the deck\'s own host, any scheme', () => {
    expect(allowed(request(undefined))).toBe(true)
    expect(allowed(request('https://polls.example.org'))).toBe(true)
    expect(allowed(request('http://192.168.1.20:3030', '192.168.1.20:3030'))).toBe(true)
  })

  it('lets through PUBLIC_URL and FRAME_ANCESTORS origins, subdomain wildcards and host-only entries', () => {
    expect(allowed(request('https://public.example.org'))).toBe(true)
    expect(allowed(request('https://course.lms.example'))).toBe(true)
    expect(allowed(request('http://events.example.net:8443'))).toBe(true)
  })

  it('refuses any other origin, a near miss, another scheme or port, and the opaque "null"', () => {
    for (const origin of [
      'https://evil.example',
      'http://public.example.org',
      'https://public.example.org:444',
      'https://lms.example',
      'https://evillms.example',
      'https://events.example.net',
      'null',
      'not a url',
    ])
      expect(allowed(request(origin)), origin).toBe(false)
  })

  it('"*" in FRAME_ANCESTORS lets every origin through', () => {
    expect(createOriginCheck(['*'])(request('https://anywhere.example'))).toBe(true)
  })

  it('takes a named host as that host only, not as a suffix of others', () => {
    for (const origin of ['https://xpublic.example.org', 'https://notpublic.example.org', 'http://myevents.example.net:8443'])
      expect(allowed(request(origin)), origin).toBe(false)
  })

  it('skips an entry it cannot read and keeps the others', () => {
    const check = createOriginCheck(['https://[broken', 'https://public.example.org'])
    expect(check(request('https://public.example.org'))).toBe(true)
    expect(check(request('https://evil.example'))).toBe(false)
  })
})
