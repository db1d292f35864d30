import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { normalizeBase, stripBase } from './basePath'

describe('base path', () => {
  it('normalises', () => {
    expect(normalizeBase()).toBe('/')
    expect(normalizeBase('/')).toBe('/')
    expect(normalizeBase('workshop')).toBe('/workshop/')
    expect(normalizeBase('/a/b/')).toBe('/a/b/')
  })

  it('strips the base from request URLs, and refuses others', () => {
    const req = (url: string) => ({ url }) as IncomingMessage
    const r = req('/workshop/api/health?x=1')
    expect(stripBase(r, '/workshop/')).toBe(true)
    expect(r.url).toBe('/api/health?x=1')
    const root = req('/workshop')
    expect(stripBase(root, '/workshop/')).toBe(true)
    expect(root.url).toBe('/')
    expect(stripBase(req('/api/health'), '/workshop/')).toBe(false)
  })
})
