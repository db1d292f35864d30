// `npm start`: the built deck, the voting page, the poll API and its WebSocket on one port.
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import process from 'node:process'
import QRCode from 'qrcode'
import { readConfig } from './config.ts'
import { createPollServer } from './createPollServer.ts'
import { chain } from './http.ts'
import { joinUrl } from './joinUrl.ts'
import { createStaticHandler } from './static.ts'

const config = readConfig(process.env)
const distDir = resolve(process.env.DECK_DIST ?? 'dist')
let port = config.port

const polls = createPollServer({
  dbPath: config.dbPath,
  token: config.token,
  retentionDays: config.retentionDays,
  voteDir: resolve(distDir, 'vote'),
  joinUrl: () => joinUrl(port, config.publicUrl),
})
const server = createServer(chain(polls.handle, createStaticHandler(distDir)))
server.on('upgrade', (req, socket, head) => {
  if (!polls.upgrade(req, socket, head))
    socket.destroy()
})

server.listen(config.port, config.host, async () => {
  port = (server.address() as AddressInfo).port
  const join = joinUrl(port, config.publicUrl)
  console.log(`\n  Deck        http://localhost:${port}/`)
  console.log(`  Presenter   http://localhost:${port}/presenter/1?token=${config.token}`)
  console.log(`  Audience    ${join}`)
  console.log(`  Votes in    ${config.dbPath}`)
  if (config.tokenGenerated)
    console.log(`  Token       ${config.token}  (generated; set PRESENTER_TOKEN to keep one)`)
  console.log(`\n${await QRCode.toString(join, { type: 'terminal', small: true })}`)
})

function shutdown(): void {
  server.close()
  polls.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
