import type { ChildProcess } from 'node:child_process'
import process from 'node:process'

// Every process the bench starts, so that none outlives it: on success, on error and on Ctrl-C.
const children = new Set<ChildProcess>()
// What must be undone however the bench ends (the run's PostgreSQL database): each task removes itself once done.
const undo = new Set<() => Promise<void>>()
let cleaning: Promise<unknown> | undefined

export function track<T extends ChildProcess>(child: T): T {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

export function killAll(): void {
  for (const child of children) child.kill('SIGKILL')
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  const exited = awaitExit(child, graceMs)
  child.kill('SIGTERM')
  return exited
}

/** Waits for a process to exit by itself, killing it after `graceMs`. */
export function awaitExit(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve()
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
  })
}

/**
 * Runs `task` once, now or when the bench is aborted (Ctrl-C, watchdog, failure), whichever comes first: for what a
 * killed process cannot clean up itself. The returned function runs it in the normal course of things.
 */
export function onAbort(task: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  const once = (): Promise<void> => {
    undo.delete(once)
    return done ??= task()
  }
  undo.add(once)
  return once
}

/** Whether the bench is being aborted: the errors that follow (children killed under it) are no news. */
export const aborting = (): boolean => cleaning !== undefined

/**
 * Kills every child, runs the pending `onAbort` tasks (at most 10 s), and exits with `code`. A second call
 * meanwhile waits for the same cleaning up; the first call's code wins.
 */
export async function abort(code: number): Promise<never> {
  killAll()
  cleaning ??= Promise.race([
    Promise.allSettled([...undo].map(task => task())),
    new Promise(resolve => setTimeout(resolve, 10_000).unref()),
  ])
  await cleaning
  process.exit(code)
}

export function installCleanup(): void {
  process.on('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while cleaning up ends at once.
      if (aborting())
        process.exit(130)
      void abort(130)
    })
  }
}
