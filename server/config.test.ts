import { describe, expect, it } from 'vitest'
import { DEFAULT_BUDGETS } from './addressBudgets.ts'
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
