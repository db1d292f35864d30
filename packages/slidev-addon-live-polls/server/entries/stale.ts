import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(path: string): number {
  if (!existsSync(path))
    return 0
  const stat = statSync(path)
  if (!stat.isDirectory())
    return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map(name => newestMtime(join(path, name))))
}

/** True when `output` is missing or older than any file under `inputs`. */
export function isStale(output: string, inputs: string[]): boolean {
  return !existsSync(output) || Math.max(...inputs.map(newestMtime)) > statSync(output).mtimeMs
}
