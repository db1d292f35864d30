import antfu from '@antfu/eslint-config'

// @antfu/eslint-config's helpers call Object.groupBy (Node 21+); this project runs on Node 20.
Object.groupBy ??= (items, key) => {
  const groups = Object.create(null)
  let i = 0
  for (const item of items)
    (groups[key(item, i++)] ??= []).push(item)
  return groups
}

export default antfu({
  vue: true,
  typescript: true,
  markdown: false,
  ignores: ['dist', 'exports', 'data', 'test-results', 'playwright-report', '**/*.md'],
}, {
  // Command-line entry points talk to the person who ran them; tests print the figures they measure.
  files: ['scripts/**', 'bench/**', 'server/main.ts', 'server/cli/**', '**/*.test.ts', 'tests/**'],
  rules: { 'no-console': 'off' },
})
