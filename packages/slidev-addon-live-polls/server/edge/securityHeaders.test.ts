import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createSecurityHeaders } from './securityHeaders.ts'

function policyFor(host: string | undefined, frameAncestors: string[] = []): string {
  const headers = new Map<string, string>()
  const res = {
    setHeader: (name: string, value: string) => headers.set(name, value),
  } as unknown as ServerResponse
  createSecurityHeaders(frameAncestors)({
    headers: { host },
  } as IncomingMessage, res, () => {})
  return headers.get('content-security-policy')!
}

describe('content-security-policy', () => {
  it('allows scripts from this origin only, and names this host\'s WebSocket for older Safari', () => {
    const csp = policyFor('192.168.1.20:3030', ['https://lms.example.org'])
    console.log(csp)
    expect(csp).toContain('script-src \'self\';')
    expect(csp).toContain('connect-src \'self\' ws://192.168.1.20:3030 wss://192.168.1.20:3030;')
    expect(csp).toContain('frame-ancestors \'self\' https://lms.example.org')
    expect(policyFor('[::1]:3030')).toContain('connect-src \'self\' ws://[::1]:3030 wss://[::1]:3030;')
  })

  it('takes nothing from a Host header that is not a plain host', () => {
    for (const host of [
      undefined,
      '',
      'x; script-src *',
      'evil.example *',
      'a:b:c',
      `${'a'.repeat(20_000)}!`,
    ]) {
      const started = performance.now()
      expect(policyFor(host)).toContain('connect-src \'self\'; ')
      expect(performance.now() - started).toBeLessThan(500)
    }
  })
})

describe('security headers', () => {
  it('are set on every response, whole, before the next handler runs', () => {
    const headers = new Map<string, string>()
    const seenByNext: string[][] = []
    createSecurityHeaders(['https://lms.example.org'])({
      headers: { host: 'polls.example.org' },
    } as IncomingMessage, {
      setHeader: (name: string, value: string) => headers.set(name, value),
    } as unknown as ServerResponse, () => seenByNext.push([
      ...headers.keys(),
    ]))
    expect(Object.fromEntries(headers)).toEqual({
      'content-security-policy': 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; font-src \'self\' data:; connect-src \'self\' ws://polls.example.org wss://polls.example.org; object-src \'none\'; base-uri \'self\'; form-action \'self\'; frame-ancestors \'self\' https://lms.example.org',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    expect(seenByNext).toEqual([
      ['content-security-policy', 'x-content-type-options', 'referrer-policy'],
    ])
  })
})
