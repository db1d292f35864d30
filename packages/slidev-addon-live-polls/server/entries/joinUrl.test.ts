import { describe, expect, it } from 'vitest'
import { joinUrl, joinUrlWarning, lanAddress } from './joinUrl'

describe('the printed audience address', () => {
  it('is PUBLIC_URL\'s when it is set, whatever HOST is', () => {
    expect(joinUrl(3030, 'https://polls.example.org/', '/deck/', '127.0.0.1')).toBe('https://polls.example.org/deck/vote/')
    expect(joinUrlWarning('https://polls.example.org', '127.0.0.1')).toBeUndefined()
  })

  it('is the LAN address when the server listens on every interface', () => {
    const lan = lanAddress() ?? 'localhost'
    for (const host of [undefined, '', '0.0.0.0', '::']) {
      expect(joinUrl(3030, undefined, '/', host)).toBe(`http://${lan}:3030/vote/`)
      expect(joinUrlWarning(undefined, host)).toBeUndefined()
    }
  })

  it('is the address the server listens on when HOST names one, never a LAN address it does not answer on', () => {
    expect(joinUrl(3030, undefined, '/', '127.0.0.1')).toBe('http://127.0.0.1:3030/vote/')
    expect(joinUrl(3030, undefined, '/', '10.1.2.3')).toBe('http://10.1.2.3:3030/vote/')
    expect(joinUrl(3030, undefined, '/', '::1')).toBe('http://[::1]:3030/vote/')
    expect(joinUrl(3030, undefined, '/', 'localhost')).toBe('http://localhost:3030/vote/')
  })

  it('comes with a warning and the fix when no phone can reach it (a loopback HOST)', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.1.1',
      '::1',
      'localhost',
    ]) {
      const warning = joinUrlWarning(undefined, host)
      expect(warning).toContain(`HOST=${host}`)
      expect(warning).toMatch(/no phone can reach/)
      expect(warning).toMatch(/HOST=0\.0\.0\.0.*PUBLIC_URL/)
    }
    expect(joinUrlWarning(undefined, '10.1.2.3')).toBeUndefined()
  })
})
