import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'
import { root } from '../packages/slidev-addon-live-polls/test/serverProcess'

const addon = join(root, 'packages', 'slidev-addon-live-polls')
// What would tie the addon to this one talk: its subject, organisation, speaker, colour, survey.
// The institute is RISE in capitals (HAProxy's health checks `rise` and `fall`, in lower case, are no mention).
const TALK = /OSPO|Lin[aå]ker|c2410c|industry|Linux Foundation|public.sector/i
const INSTITUTE = /\bRISE\b/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (['node_modules', 'dist'].includes(name))
      return []
    return statSync(path).isDirectory()
      ? sources(path)
      : /\.(?:ts|vue|css|json|html)$/.test(name) && !name.endsWith('.test.ts')
        ? [path]
        : []
  })
}

it('the addon holds nothing of this talk: no title, organisation, colour or storage key of its own', () => {
  const found = sources(addon).flatMap(file => readFileSync(file, 'utf8').split('\n').filter(line => TALK.test(line) || INSTITUTE.test(line)).map(line => `${relative(addon, file)}: ${line.trim()}`))
  expect(found).toEqual([])
})
