import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { countings } from './counting.ts'
import { answers, schemas } from './definitions.ts'
import { handouts } from './handouts.ts'
import { KINDS } from './registry.ts'
import { samples } from './samples.ts'
import { tables } from './tables.ts'
import { traits } from './traits.ts'

/** The kind a schema of definitions.ts accepts: its `kind` literal. */
function literalOf(schema: (typeof schemas)[number]): unknown {
  return schema.entries.kind.literal
}

/** The keys of the object an entry file exports under `name` (the Vue entries, which a unit test cannot import). */
function keysIn(file: string, name: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  const body = new RegExp(`export const ${name}\\b[^=]*=\\s*\\{([^}]*)\\}`).exec(source)?.[1] ?? ''
  return body.split(/[,\n]/).map(s => s.trim().split(/[:\s]/)[0]!).filter(Boolean)
}

// Each surface's entry against the one list: every kind present, none extra. The type checker sees a missing key
// of a typed record, not a missing branch of a template, nor a kind the list forgot.
describe('the kinds registry', () => {
  it('the deck schema holds a variant per kind, in the list\'s order', () => {
    expect(schemas.map(literalOf)).toEqual([...KINDS])
  })

  it.each([
    [
      'definitions.ts answers',
      Object.keys(answers),
    ],
    [
      'counting.ts',
      Object.keys(countings),
    ],
    [
      'tables.ts',
      Object.keys(tables),
    ],
    [
      'traits.ts (browser-safe)',
      Object.keys(traits),
    ],
    [
      'samples.ts (bench)',
      Object.keys(samples),
    ],
    [
      'handouts.ts (PDF handout)',
      Object.keys(handouts),
    ],
    [
      'charts.ts (slides)',
      keysIn('./charts.ts', 'charts'),
    ],
    [
      'inputs.ts (phone page)',
      keysIn('./inputs.ts', 'inputs'),
    ],
  ])('%s has every kind and no other', (_, keys) => {
    expect([...keys].sort()).toEqual([...KINDS].sort())
  })

  it('every kind has a folder with its definition, counting, table, handout, chart and input', () => {
    for (const kind of KINDS) {
      expect(readFileSync(new URL(`./${kind}/definition.ts`, import.meta.url), 'utf8')).toContain(`'${kind}'`)
      for (const part of [
        'count.ts',
        'table.ts',
        'handout.ts',
        'traits.ts',
        'sample.ts',
        'Chart.vue',
        'Input.vue',
      ])
        expect(existsSync(new URL(`./${kind}/${part}`, import.meta.url)), `${kind}/${part}`).toBe(true)
    }
  })

  it('the browser-safe traits import nothing but other traits (no schema, chart or counting)', () => {
    for (const file of [
      './traits.ts',
      './shared/traits.ts',
      ...KINDS.map(kind => `./${kind}/traits.ts`),
    ]) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8')
      const imports = [
        ...source.matchAll(/^import (?!type)[^\n]* from '([^']+)'/gm),
      ].map(m => m[1])
      expect(imports.every(path => path!.endsWith('/traits.ts')), `${file}: ${imports.join(', ')}`).toBe(true)
    }
  })

  it('the phone page\'s entry imports only inputs', () => {
    const source = readFileSync(new URL('./inputs.ts', import.meta.url), 'utf8')
    const imports = [
      ...source.matchAll(/^import (?!type)[^\n]* from '([^']+)'/gm),
    ].map(m => m[1])
    expect(imports.every(path => path!.endsWith('/Input.vue')), imports.join(', ')).toBe(true)
  })
})
