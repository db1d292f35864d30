import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonPieces } from './jsonPieces'

async function* streamed<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise(resolve => setImmediate(resolve))
    yield item
  }
}

/** The value with some of its arrays (chosen by `pick`) turned into async iterables, as exports give their rows. */
function withStreams(value: unknown, pick: () => boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map(v => withStreams(v, pick))
    return pick()
      ? streamed(items)
      : items
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [
      k,
      withStreams(v, pick),
    ]))
  }
  return value
}

async function text(pieces: AsyncIterable<string>): Promise<string> {
  let all = ''
  for await (const piece of pieces) all += piece
  return all
}

describe('jsonPieces', () => {
  it('writes what JSON.stringify writes, compact and indented, with any arrays streamed', async () => {
    const value = fc.letrec(tie => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 80 }),
      object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
    })).value
    await fc.assert(fc.asyncProperty(value, fc.infiniteStream(fc.boolean()), fc.constantFrom(0, 2), async (v, coins, indent) => {
      fc.pre(v !== undefined)
      const picks = coins[Symbol.iterator]()
      expect(await text(jsonPieces(withStreams(v, () => picks.next().value!), indent))).toBe(JSON.stringify(v, null, indent))
    }), { numRuns: 300 })
  })

  it('writes a long array in pieces, reading a streamed one only as pieces are taken', async () => {
    let read = 0
    async function* rows(): AsyncGenerator<{ n: number, text: string }> {
      for (let n = 0; n < 20_000; n++) {
        read += 1
        yield {
          n,
          text: 'x'.repeat(40),
        }
      }
    }
    const pieces = jsonPieces({
      polls: [
        {
          answers: rows(),
          entries: Array.from({ length: 5000 }, (_, i) => i),
        },
      ],
    })
    const first = await pieces.next()
    expect(first.value!.length).toBeGreaterThanOrEqual(64 * 1024)
    expect(first.value!.length).toBeLessThan(70 * 1024)
    // About one piece's worth of rows read, not all of them.
    expect(read).toBeLessThan(2000)
    let rest = first.value!
    for await (const piece of pieces) rest += piece
    expect(JSON.parse(rest).polls[0].answers).toHaveLength(20_000)
  })
})
