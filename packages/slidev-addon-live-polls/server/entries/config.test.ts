import { describe, expect, it } from 'vitest'
import { DEFAULT_BUDGETS } from '../edge/addressBudgets.ts'
import { connectionCeiling } from '../edge/connectionLimits.ts'
import { readConfig } from './config.ts'

describe('readConfig: per-address budgets, proxies and allowed origins', () => {
  it('defaults to the budgets for a room behind one NAT and no trusted proxy', () => {
    const config = readConfig({})
    expect(config.budgets).toEqual(DEFAULT_BUDGETS)
    expect(config.trustProxy).toBe('')
    expect(config.allowedOrigins).toEqual([])
  })

  it('reads the settings; 0 turns a budget off', () => {
    const config = readConfig({
      WS_SOCKETS_PER_ADDRESS: '0',
      WS_MESSAGES_PER_ADDRESS_PER_MINUTE: '600000',
      FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE: '5',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      PUBLIC_URL: 'https://polls.example.org/workshop/',
      FRAME_ANCESTORS: 'https://events.example.org https://*.lms.example',
    })
    expect(config.budgets).toEqual({ sockets: 0, messagesPerMinute: 600_000, failedLookupsPerMinute: 5 })
    expect(config.trustProxy).toBe('loopback, 10.0.0.0/8')
    expect(config.allowedOrigins).toEqual(['https://polls.example.org', 'https://events.example.org', 'https://*.lms.example'])
  })

  it('stops with a clear message on a bad value', () => {
    expect(() => readConfig({ WS_SOCKETS_PER_ADDRESS: 'many' })).toThrow(/WS_SOCKETS_PER_ADDRESS: WS_SOCKETS_PER_ADDRESS must be a whole number/)
    expect(() => readConfig({ FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE: '-1' })).toThrow(/FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE must be 0 or more/)
    expect(() => readConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY: TRUST_PROXY must be false, true, a number/)
  })
})

describe('connection settings', () => {
  it('have defaults that let a 2,000-phone room behind one address in, and read seconds', () => {
    expect(readConfig({}).connections).toEqual({
      max: undefined,
      perAddress: 4000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      handshakeTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5000,
    })
    expect(readConfig({ HEADERS_TIMEOUT: '1.5', MAX_CONNECTIONS: '500' }).connections).toMatchObject({ headersTimeoutMs: 1500, max: 500 })
  })

  it('refuse bad values with a clear message', () => {
    expect(() => readConfig({ MAX_CONNECTIONS_PER_ADDRESS: 'many' })).toThrow('MAX_CONNECTIONS_PER_ADDRESS: MAX_CONNECTIONS_PER_ADDRESS must be a whole number')
    expect(() => readConfig({ MAX_CONNECTIONS: '0' })).toThrow('MAX_CONNECTIONS must be at least 1')
    expect(() => readConfig({ REQUEST_TIMEOUT: 'soon' })).toThrow('REQUEST_TIMEOUT must be a number of seconds')
    expect(() => readConfig({ HEADERS_TIMEOUT: '40', REQUEST_TIMEOUT: '30' })).toThrow('HEADERS_TIMEOUT must not exceed REQUEST_TIMEOUT')
  })

  it('keep the global ceiling below the open-file limit', () => {
    expect(connectionCeiling(undefined, 20_000)).toEqual({ max: 18_000, lowered: false })
    expect(connectionCeiling(undefined, 1024)).toEqual({ max: 768, lowered: false })
    expect(connectionCeiling(50_000, 20_000)).toEqual({ max: 18_000, lowered: true })
    expect(connectionCeiling(300, 20_000)).toEqual({ max: 300, lowered: false })
    expect(connectionCeiling(undefined, undefined).max).toBe(Number.POSITIVE_INFINITY)
  })
})
