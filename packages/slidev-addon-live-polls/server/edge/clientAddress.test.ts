import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressKey, compileTrust, createClientAddress } from './clientAddress.ts'

function request(remoteAddress: string, forwarded?: string) {
  return ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwarded
      ? { 'x-forwarded-for': forwarded }
      : {},
  }) as unknown as IncomingMessage
}

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says so', () => {
    for (const setting of ['', 'false'])
      expect(createClientAddress(compileTrust(setting))(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1')
  })

  it('takes the address a trusted proxy saw, and no further than the trust goes', () => {
    const loopback = createClientAddress(compileTrust('loopback'))
    expect(loopback(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7')
    // A client's own X-Forwarded-For before the proxy's entry is not believed.
    expect(loopback(request('127.0.0.1', '198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7')
    // Not from the proxy: the header is the client's own claim.
    expect(loopback(request('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9')
    expect(createClientAddress(compileTrust('10.0.0.0/8, 127.0.0.1'))(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7')
    expect(createClientAddress(compileTrust('1'))(request('10.1.2.3', '198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7')
    expect(createClientAddress(compileTrust('true'))(request('10.1.2.3', '198.51.100.1, 203.0.113.7'))).toBe('198.51.100.1')
  })

  it('reads TRUST_PROXY with stray spaces and separators, and hop counts of any digits', () => {
    expect(createClientAddress(compileTrust(' false '))(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1')
    expect(createClientAddress(compileTrust(' true '))(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7')
    expect(createClientAddress(compileTrust(',10.0.0.0/8,, loopback,'))(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7')
    expect(createClientAddress(compileTrust('0'))(request('10.1.2.3', '203.0.113.7'))).toBe('10.1.2.3')
    const nine = createClientAddress(compileTrust('9'))
    expect(nine(request('10.1.2.3', '198.51.100.1, 203.0.113.7'))).toBe('198.51.100.1')
    expect(createClientAddress(compileTrust('10'))(request('10.1.2.3', '198.51.100.1, 203.0.113.7'))).toBe('198.51.100.1')
  })

  it('keys a request whose socket has already closed (no peer address) as the empty address', () => {
    expect(createClientAddress(compileTrust('true'))({
      socket: {},
      connection: {},
      headers: { 'x-forwarded-for': '203.0.113.7' },
    } as unknown as IncomingMessage)).toBe('')
  })

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => compileTrust('not-an-address')).toThrow()
  })

  it('keys IPv4 (also IPv4-mapped) as it is and IPv6 by its /64', () => {
    expect(addressKey('::ffff:192.0.2.5')).toBe('192.0.2.5')
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
  })
})
