import type { Comparison, ComparisonView, PollComparison, PollResults } from '../../polls/types.ts'
import type { InProcessServer } from '../../test/inProcessServer.ts'
import type { StorageSettings } from '../stores/openStore.ts'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMPARED, seedComparison } from '../../test/comparisonFixture.ts'
import { polls } from '../../test/fixturePolls.ts'
import { startInProcess, TOKEN } from '../../test/inProcessServer.ts'
import { openTestStore, testStorage } from '../../test/testStore.ts'
import { jsonPieces } from './jsonPieces.ts'
import { aggregate } from './results.ts'

// The download as the comparison was made whole before it streamed (seedComparison's data, MIN_GROUP_SIZE 5).
const before = readFileSync(resolve(import.meta.dirname, '../../test/fixture/comparison-export.json'), 'utf8').trimEnd()
const query = COMPARED.map(code => code || 'default').join(',')

let server: InProcessServer
let storage: StorageSettings
beforeEach(async () => {
  storage = await testStorage()
  const store = await openTestStore(storage)
  await seedComparison(store)
  await store.close()
  server = await startInProcess(storage)
})
afterEach(() => server.close())

async function get(path: string) {
  return fetch(server.url + path, {
    headers: { authorization: `Bearer ${TOKEN}` },
  })
}
async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const piece of pieces) text += piece
  return text
}

describe('the comparison\'s JSON export, streamed', () => {
  it('is the document the whole comparison was, byte for byte: every kind, shown, withheld, moderated and unrevealed groups', async () => {
    const res = await get(`/api/compare?sessions=${query}&download`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(before)
    // And what the handout still reads whole.
    expect(JSON.stringify(await server.polls.service.compare(COMPARED, 5, 'export'))).toBe(before)
  })

  it('counts each combined column as all the shown groups\' answers counted together, in every view', async () => {
    const { service } = server.polls
    const store = await openTestStore(storage)
    for (const view of ['console', 'projector', 'export'] satisfies ComparisonView[]) {
      const comparison: Comparison = await service.compare(COMPARED, 5, view)
      for (const compared of comparison.polls) {
        const poll = service.poll(compared.id)
        const shown = COMPARED.filter(code => !['withheld', 'hidden'].some(field => field in compared.bySession[code || 'default']!))
        const answers = (await Promise.all(shown.map(async code => (await store.answers(code, poll.id)).map(a => a.answer)))).flat()
        const open = (await Promise.all(COMPARED.map(code => service.state(code, poll.id)))).some(s => s.open)
        const textLimit = view === 'export'
          ? Infinity
          : 100
        expect(compared.combined, `${view}: ${poll.id}`).toEqual(aggregate(poll, { open, revealed: true }, answers, textLimit))
      }
    }
    await store.close()
  })

  it('compares each poll only as the writer takes it', async () => {
    const { service } = server.polls
    const document = await service.compareJson(['GRPBBB'], 5)
    const taken: PollComparison[] = []
    for await (const compared of document.polls as AsyncIterable<PollComparison>) {
      taken.push(compared)
      // After the first poll is written, two more people in B answer the scale: the scale, written later, counts them.
      if (taken.length === 1) {
        await service.vote('GRPBBB', 'agreement', 'late-phone-1', 3)
        await service.vote('GRPBBB', 'agreement', 'late-phone-2', 3)
      }
    }
    expect(taken.map(p => p.id)).toEqual(polls.map(p => p.id))
    expect((taken.find(p => p.id === 'agreement')!.bySession.GRPBBB as PollResults).participants).toBe(5)
    // The document holds its polls as an async iterable: jsonPieces writes them one by one.
    expect(await joined(jsonPieces(await service.compareJson(['GRPBBB'], 5)))).toBe(JSON.stringify(await service.compare(['GRPBBB'], 5, 'export')))
  })
})
