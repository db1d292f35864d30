// Pieces of about this many characters: few enough to cost little each, small enough that none holds an export.
const PIECE_CHARS = 64 * 1024
// Arrays up to this long with nothing streamed inside are written by one JSON.stringify.
const SMALL = 64

type Streamed = AsyncIterable<unknown>
const WRITTEN = Symbol('written')
function isStreamed(value: unknown): value is Streamed {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))
}
/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const isSkipped = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol'

/** Whether a value is written in pieces: it holds a streamed array, or a long one. */
function inPieces(value: unknown): boolean {
  if (isStreamed(value))
    return true
  if (Array.isArray(value))
    return value.length > SMALL || value.some(inPieces)
  return isPlainObject(value) && Object.values(value).some(inPieces)
}

/**
 * `JSON.stringify(value, null, indent)`, character for character, in pieces of ~64 KB: an array given as an
 * async iterable (rows read from the database a page at a time) is written as it is read, and long arrays
 * element by element, so a document of any size is never held whole, and the writer can wait between
 * pieces for a slow reader.
 */
export async function* jsonPieces(value: unknown, indent = 0): AsyncGenerator<string> {
  let parts: string[] = []
  let size = 0
  const push = (text: string): void => {
    parts.push(text)
    size += text.length
  }
  const take = (): string => {
    const piece = parts.join('')
    parts = []
    size = 0
    return piece
  }
  const pad = (depth: number): string => indent
    ? `\n${' '.repeat(indent * depth)}`
    : ''
  const whole = (item: unknown, depth: number): string => {
    const text = JSON.stringify(item, null, indent)
    return indent && depth
      ? text.replace(/\n/g, pad(depth))
      : text
  }

  async function* write(item: unknown, depth: number): AsyncGenerator<string> {
    if (!inPieces(item)) {
      push(whole(item, depth))
    }
    else if (isStreamed(item) || Array.isArray(item)) {
      push('[')
      let n = 0
      // An element written whole, or, if it is itself written in pieces, the element (no generator for every row).
      const begin = (each: unknown): unknown => {
        push(n++
          ? `,${pad(depth + 1)}`
          : pad(depth + 1))
        const element = isSkipped(each)
          ? null
          : each
        if (inPieces(element))
          return element
        push(whole(element, depth + 1))
        return WRITTEN
      }
      if (Array.isArray(item)) {
        for (const each of item) {
          const rest = begin(each)
          if (rest !== WRITTEN)
            yield* write(rest, depth + 1)
          if (size >= PIECE_CHARS)
            yield take()
        }
      }
      else {
        for await (const each of item) {
          const rest = begin(each)
          if (rest !== WRITTEN)
            yield* write(rest, depth + 1)
          if (size >= PIECE_CHARS)
            yield take()
        }
      }
      push(n
        ? `${pad(depth)}]`
        : ']')
    }
    else {
      push('{')
      let n = 0
      for (const [key, field] of Object.entries(item as Record<string, unknown>)) {
        if (isSkipped(field))
          continue
        push(`${n++
          ? ','
          : ''}${pad(depth + 1)}${JSON.stringify(key)}:${indent ? ' ' : ''}`)
        yield* write(field, depth + 1)
      }
      push(n
        ? `${pad(depth)}}`
        : '}')
    }
  }

  yield* write(value, 0)
  if (size)
    yield take()
}
