import type { APIRequestContext, APIResponse } from '@playwright/test'
import { expect } from '@playwright/test'
import { presenterToken } from '../../playwright.config'

export const auth = { authorization: `Bearer ${presenterToken}` }

/** A presenter's POST, waiting out the per-address HTTP rate limit that the tests' votes (all from 127.0.0.1) spend. */
export async function presenterPost(request: APIRequestContext, path: string): Promise<APIResponse> {
  for (;;) {
    const res = await request.post(path, { headers: auth })
    if (res.status() !== 429)
      return res
    await new Promise(resolve => setTimeout(resolve, 500))
  }
}

/** A poll with no votes, open, with its results shown and on the phones' screens. */
export async function freshPoll(request: APIRequestContext, poll: string): Promise<void> {
  for (const action of ['reset', 'open', 'reveal'])
    expect((await presenterPost(request, `/api/polls/${poll}/${action}`)).ok()).toBe(true)
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
