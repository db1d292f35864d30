import { describe, expect, it } from 'vitest'
import { readConfig } from './config'
import { connectionCeiling } from './connectionLimits'

describe('connection settings', () => {
  it('have defaults that let a 2,000-phone room behind one address in, and read seconds', () => {
    expect(readConfig({}).connections).toEqual({ max: undefined, perAddress: 4000, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, handshakeTimeoutMs: 10_000 })
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
