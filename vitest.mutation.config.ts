import type { TestProjectInlineConfiguration } from 'vitest/config'
import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// `npm run test:mutation` (stryker.config.json): Stryker's vitest runner takes a config file but no
// --project, so this is vitest.config.ts with only its `unit` project: in-process, fast, no PostgreSQL.
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[]

export default defineConfig({
  test: {
    ...base.test,
    projects: projects.filter(p => p.test?.name === 'unit'),
  },
})
