import { afterEach, describe, expect, it, vi } from 'vitest'
import { serverBase } from './serverBase'
import { socketUrl } from './usePollSocket'

const at = (href: string) => vi.stubGlobal('location', new URL(href))
afterEach(() => vi.unstubAllGlobals())

describe('serverBase', () => {
  it('is this page\'s origin and base path', () => {
    at('https://polls.example.org/workshop/console/?session=K7MPX2')
    expect(serverBase('console')).toBe('https://polls.example.org/workshop/')
    at('http://10.0.0.5:3030/vote/')
    expect(serverBase('vote')).toBe('http://10.0.0.5:3030/')
  })

  it('never points at another host, however the path is crafted', () => {
    at('http://deck.example//attack../console/')
    const api = new URL(`${serverBase('console')}api/sessions`)
    expect(api.host).toBe('deck.example')
    at('http://deck.example////evil.example/vote/')
    expect(new URL(`${serverBase('vote')}api/info`).host).toBe('deck.example')
    expect(new URL(socketUrl(serverBase('vote'))).host).toBe('deck.example')
  })
})
