import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  markdown: false,
  ignores: [
    'dist',
    '**/dist-node',
    'exports',
    'data',
    'test-results',
    'playwright-report',
    '**/*.md',
    // A reference output the tests compare byte for byte: as the exporter wrote it, not as a person would.
    'packages/slidev-addon-live-polls/test/fixture/*.json',
  ],
}, {
  // Command-line entry points talk to the person who ran them, and may wait for the deck before they start;
  // tests and their support print the figures they measure and load their decks before they start.
  files: [
    'scripts/**',
    'bench/**',
    'packages/slidev-addon-live-polls/cli/**',
    'packages/slidev-addon-live-polls/bin/**',
    'packages/slidev-addon-live-polls/scripts/**',
    'packages/slidev-addon-live-polls/server/entries/main.ts',
    '**/*.test.ts',
    'packages/slidev-addon-live-polls/test/**',
    'tests/**',
  ],
  rules: { 'no-console': 'off', 'antfu/no-top-level-await': 'off' },
}, {
  // npm reads `files` in order: the negation that leaves the tests out works only after the folders it excludes from.
  files: ['packages/slidev-addon-live-polls/package.json'],
  rules: { 'jsonc/sort-array-values': 'off' },
})
