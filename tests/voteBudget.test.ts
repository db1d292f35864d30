import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { root } from '../packages/slidev-addon-live-polls/test/serverProcess'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? files(path)
      : [path]
  })
}

describe('the built voting page', () => {
  it('weighs at most 50 KB gzip in all its HTML, JS and CSS', () => {
    const assets = files(join(root, 'dist/vote')).filter(f => /\.(?:html|js|css)$/.test(f))
    expect(assets.some(f => f.endsWith('.js'))).toBe(true)
    const total = assets.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0)
    console.log(`voting page: ${(total / 1024).toFixed(1)} KB gzip in ${assets.length} files`)
    expect(total).toBeLessThanOrEqual(50 * 1024)
  })

  it('loads nothing from another host', () => {
    const html = readFileSync(join(root, 'dist/vote/index.html'), 'utf8')
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//)
  })
})
