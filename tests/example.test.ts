// A second deck proves the addon: examples/minimal uses only it, and `npm start -- <entry>` serves that deck
// with its own polls, built and voted through here.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { root } from '../packages/slidev-addon-live-polls/test/serverProcess'
import { listeningPid } from './listeningPid'
import { npmStart } from './npmStart'

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

describe.skipIf(process.platform !== 'linux')('examples/minimal', () => {
  it('builds and serves its own polls with `npm start -- examples/minimal/slides.md`, and takes votes', async () => {
    // From scratch, as on a clean clone.
    rmSync(resolve(root, 'examples/minimal/dist'), { recursive: true, force: true })
    const { npm, port, url } = await npmStart(['examples/minimal/slides.md'], 'example-test-token-123', 150_000)
    try {
      // Its own deck, title and polls: none of the talk's.
      expect(await (await fetch(`${url}/`)).text()).toContain('<title>Team retro')
      expect(await (await fetch(`${url}/api/info`)).json()).toMatchObject({ title: 'Team retro', fileStem: 'team-retro', accent: '#2563eb' })
      const polls = await (await fetch(`${url}/api/polls`)).json() as { id: string, kind: string }[]
      expect(polls.map(p => `${p.id}:${p.kind}`)).toEqual(['mood:scale', 'keep:single', 'change:text'])
      expect((await fetch(`${url}/vote/`)).status).toBe(200)

      const vote = (poll: string, participant: string, answer: unknown): Promise<Response> => fetch(`${url}/api/polls/${poll}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ participant, answer }),
      })
      expect((await vote('mood', 'example-phone-1', 4)).status).toBe(200)
      expect((await vote('mood', 'example-phone-2', 5)).status).toBe(200)
      expect((await vote('keep', 'example-phone-1', 'demos')).status).toBe(200)
      expect((await vote('keep', 'example-phone-1', 'formal')).status).toBe(400)
      expect(await (await fetch(`${url}/api/polls/mood/results`)).json()).toMatchObject({
        participants: 2,
        counts: { 4: 1, 5: 1 },
        mean: 4.5,
      })
      expect(await (await fetch(`${url}/api/polls/keep/results`)).json()).toMatchObject({
        participants: 1,
        counts: { demos: 1 },
      })
    }
    finally {
      npm.kill('SIGTERM')
      for (let i = 0; i < 50 && listeningPid(port) !== undefined; i++)
        await sleep(100)
      const left = listeningPid(port)
      if (left)
        process.kill(left, 'SIGKILL')
    }
  }, 240_000)
})
