import type { ParseArgsConfig } from 'node:util'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { PollDefinitionError } from '../../polls/collectPolls.ts'
import { ConfigError } from './config.ts'

// The commands a user runs (`npm start`, `npm run results`, `npm run handout`, Slidev's through the addon)
// answer a mistake the user can put right in one line and exit code 2; the stack only with DEBUG set.

/** A mistake in what the user gave a command (an option, a file, a deck): its message is the line printed. */
export class UserMistake extends Error {}

/** The exit code of a command stopped by the user's mistake (the README's). */
export const MISTAKE_EXIT_CODE = 2

/** Whether an error is a user's mistake (an option, a setting from the environment, a poll in the deck). */
export function isMistake(err: unknown): err is Error {
  return err instanceof UserMistake || err instanceof ConfigError || err instanceof PollDefinitionError
}

/** Ends the command over a mistake: the line on stderr (the stack too with DEBUG set) and exit code 2. */
export function stopOnMistake(line: string, err?: unknown): never {
  console.error(line)
  if (process.env.DEBUG && err instanceof Error)
    console.error(err.stack)
  process.exit(MISTAKE_EXIT_CODE)
}

/**
 * A mistake thrown anywhere in the command (its top-level awaits included) ends it in one line, after
 * `prefix`; any other error still ends it as Node would, stack and exit code 1: that one is ours to fix.
 */
export function stopOnMistakes(prefix = ''): void {
  process.on('uncaughtException', (err) => {
    if (isMistake(err))
      stopOnMistake(`${prefix}${err.message}`, err)
    console.error(err)
    process.exit(1)
  })
}

// node:util parseArgs's own errors: an unknown option, a missing value, a positional where none is taken.
const parseErrors = new Set(['ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'])

/** node:util parseArgs, strict: a wrong command line is a mistake, said with how the command is used. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  }
  catch (err) {
    if (parseErrors.has((err as { code?: string }).code ?? ''))
      throw new UserMistake(`${(err as Error).message.replace(/\.?$/, '.')} Usage: ${usage}`)
    throw err
  }
}

// Why a file cannot be written or read, in words (Node's codes otherwise read "ENOENT: no such file…, open '…'").
const fileReasons: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
}

/** A file system error as a mistake naming the file: "Cannot write out/x.csv: no such folder". */
export function fileMistake(doing: string, path: string, err: unknown): Error {
  const reason = fileReasons[(err as { code?: string }).code ?? '']
  return reason
    ? new UserMistake(`Cannot ${doing} ${path}: ${reason}`)
    : err as Error
}
