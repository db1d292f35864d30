import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from './paths'

export interface Checkout {
  /** Where the earlier version's files are: its server runs from here. */
  dir: string
  /** The ref and its short commit, for the report. */
  label: string
  remove: () => void
}

/**
 * An earlier version of the server beside this one, for a before/after in the same run on the same machine:
 * a detached git worktree at `ref`, sharing this checkout's node_modules and built deck.
 */
export function checkoutAt(ref: string): Checkout {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  const commit = git('rev-parse', '--short', `${ref}^{commit}`)
  const dir = join(mkdtempSync(join(tmpdir(), 'poll-bench-before-')), 'repo')
  git('worktree', 'add', '--detach', dir, commit)
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  symlinkSync(join(root, 'dist'), join(dir, 'dist'))
  return {
    dir,
    label: ref === commit
      ? commit
      : `${ref}, ${commit}`,
    remove: () => {
      git('worktree', 'remove', '--force', dir)
      rmSync(join(dir, '..'), { recursive: true, force: true })
    },
  }
}
