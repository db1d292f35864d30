import { defineConfig } from 'vite'
import { appViteConfig } from '../cli/appViteConfig.ts'

// The facilitator console: its own small entry, like the voting page.
export default defineConfig(appViteConfig('console'))
