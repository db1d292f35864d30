import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import viteConfig from './vite.config'

// What Slidev's Vite loads from the addon into the browser: its layouts, components, global layer and app setups,
// and every file they import.
const root = import.meta.dirname
const entries = [
  ...['layouts', 'components'].flatMap(dir => readdirSync(join(root, dir)).map(file => join(root, dir, file))),
  join(root, 'global-top.vue'),
  join(root, 'setup/main.ts'),
  join(root, 'setup/shortcuts.ts'),
]

// `import … from 'x'`, `import 'x'`, `export … from 'x'`: the first quoted string is the module (names have no quotes).
const IMPORT = /^[ \t]*(?:import|export)[ \t]([^'"]*)['"]([^'"]+)['"]/gm

function resolveFile(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier)
  const found = [
    base,
    `${base}.ts`,
    `${base}.vue`,
    join(base, 'index.ts'),
  ].find(path => existsSync(path) && !path.endsWith('/'))
  if (!found)
    throw new Error(`${from} imports ${specifier}, which is not there`)
  return found
}

/** The packages the client code imports (not type-only), and the files they are imported from. */
function clientPackages(): Map<string, string> {
  const packages = new Map<string, string>()
  const seen = new Set<string>()
  const queue = [...entries]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file) || !/\.(?:ts|vue)$/.test(file))
      continue
    seen.add(file)
    for (const [, names, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      // Not a module (`export const a = 'b'`), or only types.
      if ((names!.trim() && !/\bfrom\s*$/.test(names!)) || names!.startsWith('type '))
        continue
      if (specifier!.startsWith('.')) {
        queue.push(resolveFile(file, specifier!))
      }
      else {
        packages.set(specifier!.split('/').slice(0, specifier!.startsWith('@')
          ? 2
          : 1).join('/'), file)
      }
    }
  }
  return packages
}

/** A package whose entry for `import` is CommonJS: Vite must pre-bundle it, or a browser finds no default export. */
function isCommonJs(name: string): boolean {
  // The package's folder as Node looks it up from the addon (its exports may not list package.json).
  const file = createRequire(join(root, 'package.json')).resolve.paths(name)!.map(dir => join(dir, name, 'package.json')).find(existsSync)
  if (!file)
    throw new Error(`${name} is not installed`)
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  if (pkg.type === 'module' || typeof pkg.module === 'string')
    return false
  const exported = JSON.stringify(pkg.exports ?? {})
  return !/"import"|\.mjs"/.test(exported) && !String(pkg.main ?? '').endsWith('.mjs')
}

describe('the addon\'s Vite config', () => {
  it('pre-bundles every CommonJS package the client code imports (a deck that installs the addon crashes otherwise)', () => {
    const packages = clientPackages()
    // Slidev's own client and Vue, which Slidev pre-bundles itself.
    const own = [
      ...packages.keys(),
    ].filter(name => !name.startsWith('@slidev/') && name !== 'vue')
    const commonJs = own.filter(isCommonJs)
    console.log(`client code imports ${own.join(', ')}; CommonJS: ${commonJs.join(', ')}`)
    expect(commonJs).toContain('qrcode')
    expect(viteConfig.optimizeDeps?.include).toEqual(expect.arrayContaining(commonJs))
  })
})
