import type { Plugin } from 'vite'
import type { Deck } from '../domain/deckPolls.ts'
import type { ServerConfig } from './config.ts'
import { dirname, resolve } from 'node:path'
import process from 'node:process'
import { devServerDeny, viteDefaultDeny } from '../edge/devServerDeny.ts'
import { apps, ensureAppsBuilt } from './appBuild.ts'
import { DEFAULT_DB, pollServerSettings, readConfig } from './config.ts'
import { createPollServer } from './createPollServer.ts'
import { joinUrl } from './joinUrl.ts'

/** What Slidev is running: `slidev` (dev), `slidev build`, `slidev export`. */
export type SlidevMode = 'dev' | 'build' | 'export'

/**
 * Mounts the poll server on Slidev's Vite server, so `slidev` (dev) and `slidev export` read and
 * write the same API and database as `npm start`. The presenter's links are printed for `slidev` only.
 */
export function createPollPlugin(deck: Deck, mode: SlidevMode = 'dev'): Plugin {
  // The settings, read from the environment once (at the first hook that needs them) for both hooks.
  let resolved: ServerConfig | undefined
  const settings = (): ServerConfig => resolved ??= readConfig(process.env)
  return {
    name: 'live-polls',
    apply: 'serve',
    // The dev server serves the project's files; the votes live among them. Setting server.fs.deny
    // replaces Vite's own list, which is kept unless the project set one.
    config(userConfig) {
      const own = devServerDeny(settings().dbPath, dirname(resolve(DEFAULT_DB)))
      return {
        server: {
          fs: {
            deny: [
              ...(userConfig.server?.fs?.deny
                ? []
                : viteDefaultDeny),
              ...own,
            ],
          },
        },
      }
    },
    async configureServer(server) {
      const config = settings()
      await ensureAppsBuilt()
      const polls = await createPollServer({
        deck,
        ...pollServerSettings(config),
        // Set by `npm run handout`: the exported deck shows that session's final results.
        handoutSession: process.env.HANDOUT_SESSION,
        appDirs: apps,
        joinUrl: () => {
          const network = server.resolvedUrls?.network[0]
          return config.publicUrl
            ? joinUrl(0, config.publicUrl)
            : `${network ?? server.resolvedUrls?.local[0] ?? '/'}vote/`
        },
      })
      server.middlewares.use(polls.handle)
      server.httpServer?.on('upgrade', (req, socket, head) => {
        polls.upgrade(req, socket, head)
      })
      server.httpServer?.once('listening', () => {
        // `slidev export` (and POLLS_QUIET, set by `npm run export`/`handout` in cli/slidevExport.ts): a server
        // thrown away once the PDF is made, whose links with a live token would only end up in a CI log.
        if (mode !== 'dev' || process.env.POLLS_QUIET)
          return
        const local = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`
        // Slidev prints its own banner; this line is what a presenter needs on top of it.
        // eslint-disable-next-line no-console
        console.log(`\n  Polls: presenter ${local}presenter/1?token=${config.token}\n         console   ${local}console/?token=${config.token}\n         audience  ${server.resolvedUrls?.network[0] ?? local}vote/\n`)
      })
      server.httpServer?.on('close', () => void polls.close())
    },
  }
}
