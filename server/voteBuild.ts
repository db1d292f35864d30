import { resolve } from 'node:path'
import { build } from 'vite'
import { isStale } from './stale.ts'

const root = resolve(import.meta.dirname, '..')
export const voteDir = resolve(root, 'dist/vote')
const inputs = ['vote', 'polls', 'i18n', 'composables/usePollSocket.ts'].map(p => resolve(root, p))

/** Builds the phone voting page into dist/vote unless it is already newer than its sources. */
export async function ensureVoteBuilt(): Promise<void> {
  if (!isStale(resolve(voteDir, 'index.html'), inputs))
    return
  await build({ configFile: resolve(root, 'vote/vite.config.ts') })
}
