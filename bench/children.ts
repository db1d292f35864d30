import type { ChildProcess } from 'node:child_process'
import process from 'node:process'

// Every process the bench starts, so that none outlives it: on success, on error and on Ctrl-C.
const children = new Set<ChildProcess>()

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

export function installCleanup(): void {
  process.on('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll()
      process.exit(130)
    })
  }
}
