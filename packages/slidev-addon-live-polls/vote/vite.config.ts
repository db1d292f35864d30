import { defineConfig } from 'vite'
import { appViteConfig } from '../cli/appViteConfig.ts'

// The phone voting page: its own small entry (Vue + the shared poll definitions), not the Slidev app.
export default defineConfig(appViteConfig('vote'))
