// `npm start` as a presenter (or a process manager) runs it: on a built deck, stopped with SIGTERM.
import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { rssBytes } from '../bench/procfs'
import { root } from '../packages/slidev-addon-live-polls/test/serverProcess'
import { listeningPid } from './listeningPid'
import { npmStart } from './npmStart'

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))
const built = existsSync(resolve(root, 'dist/index.html'))

describe.skipIf(!built || process.platform !== 'linux')('npm start', () => {
  it('serves from a process that holds only the server, prints the links last, and stops on SIGTERM', async () => {
    // An old voting page: `npm start` rebuilds it first (the smallest build), and must say so in one line.
    utimesSync(resolve(root, 'dist/vote/index.html'), 0, 0)
    const { npm, port, output: printed } = await npmStart([], 'start-test-token-123456', 120_000)
    try {
      // Idle: a few seconds for start-up garbage to settle.
      await sleep(3000)
      const server = listeningPid(port)!
      const rss = rssBytes(server)! / 2 ** 20
      const command = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0').join(' ').trim()
      console.log(`npm start serves from pid ${server} (${command}): ${rss.toFixed(0)} MB RSS idle`)
      const lines = printed().trim().split('\n')
      console.log(`npm start printed:\n${printed()}`)
      const stopped = Date.now()
      npm.kill('SIGTERM')
      while (listeningPid(port) !== undefined && Date.now() - stopped < 10_000)
        await sleep(100)
      const held = listeningPid(port)
      console.log(held
        ? `port still held by pid ${held} 10 s after SIGTERM to npm`
        : `port free ${Date.now() - stopped} ms after SIGTERM to npm`)

      expect(held).toBeUndefined()
      expect(command).toContain('server/entries/main.ts')
      // The server alone idles near 80 MB; with the build tooling loaded it was over 250 MB.
      expect(rss).toBeLessThan(180)
      expect(printed()).toMatch(/^Building the voting page… done in \d+ s$/m)
      expect(printed()).not.toMatch(/vite v|PLUGIN_TIMINGS|built in/i)
      // The links end the output, where a terminal shows them without scrolling.
      expect(lines.at(-1)).toMatch(/^ {2}Limits/)
    }
    finally {
      npm.kill('SIGKILL')
      const left = listeningPid(port)
      if (left)
        process.kill(left, 'SIGKILL')
    }
  }, 180_000)
})
