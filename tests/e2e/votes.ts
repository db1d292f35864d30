import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'
import { presenterToken } from '../../playwright.config'

export const auth = { authorization: `Bearer ${presenterToken}` }

/** A poll with no votes, open, with its results shown and on the phones' screens. */
export async function freshPoll(request: APIRequestContext, poll: string): Promise<void> {
  for (const action of ['reset', 'open', 'reveal'])
    expect((await request.post(`/api/polls/${poll}/${action}`, { headers: auth })).ok()).toBe(true)
  await request.post('/api/current', {
    headers: auth,
    data: { poll },
  })
}

/** One vote per answer, each from a participant of its own (in `session`, else the default one); waits out the per-address rate limit. */
export async function castVotes(request: APIRequestContext, poll: string, answers: unknown[], prefix = poll, session = ''): Promise<void> {
  for (const [i, answer] of answers.entries()) {
    for (;;) {
      const res = await request.post(`/api/polls/${poll}/votes${session && `?session=${session}`}`, {
        data: { participant: `${prefix}-voter-${i}`, answer },
      })
      if (res.status() !== 429) {
        expect(res.status(), await res.text()).toBe(200)
        break
      }
      await new Promise(resolve => setTimeout(resolve, 500))
    }
  }
}
