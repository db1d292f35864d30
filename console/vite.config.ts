import { defineConfig } from 'vite'
import { appViteConfig } from '../scripts/appViteConfig.ts'

// The facilitator console: its own small entry, like the voting page.
export default defineConfig(appViteConfig('console'))
