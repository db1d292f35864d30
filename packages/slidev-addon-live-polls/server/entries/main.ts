// `npm start`: the built deck, the voting page, the poll API and its WebSocket on one port.
import type { AddressInfo, Socket } from 'node:net'
import type { PollServer } from './createPollServer.ts'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import process from 'node:process'
import QRCode from 'qrcode'
import { loadDeck } from '../domain/deckPolls.ts'
import { stripBase } from '../edge/basePath.ts'
import { connectionCeiling, httpServerOptions, limitConnections, openFileLimit } from '../edge/connectionLimits.ts'
import { chain } from '../edge/http.ts'
import { createSecurityHeaders } from '../edge/securityHeaders.ts'
import { createStaticHandler } from '../edge/static.ts'
import { StorageError } from '../stores/storageError.ts'
import { appDirs } from './appBuild.ts'
import { pollServerSettings, readConfig } from './config.ts'
import { createPollServer } from './createPollServer.ts'
import { joinUrl, joinUrlWarning } from './joinUrl.ts'
import { isMistake, stopOnMistake, stopOnMistakes, UserMistake } from './mistakes.ts'
import { portMistake } from './portCheck.ts'

// A bad setting in the environment, a deck that is missing or has a malformed poll: one line, exit code 2.
stopOnMistakes('Cannot start: ')
const config = readConfig(process.env)
const distDir = resolve(process.env.DECK_DIST ?? 'dist')
// `npm run start:built` before any build (`npm start` builds first).
if (!existsSync(distDir))
  throw new UserMistake(`No built deck in ${distDir}: run npm start, which builds it`)
let port = config.port

let polls: PollServer
try {
  // The deck's polls, as its slides define them: the server sends them to phones and the console.
  const deck = await loadDeck(process.env.DECK_ENTRY ?? 'slides.md')
  polls = await createPollServer({
    deck,
    ...pollServerSettings(config),
    // This process serves the votes: a SQLite file is locked against a second server while its store is open.
    exclusive: true,
    appDirs: appDirs(distDir),
    joinUrl: () => joinUrl(port, config.publicUrl, config.basePath, config.host),
    basePath: config.basePath,
  })
}
catch (err) {
  if (isMistake(err))
    stopOnMistake(`Cannot start: ${err.message}`, err)
  // A database that cannot be used is an operator's problem: one line saying which file and why, no stack trace.
  if (!(err instanceof StorageError))
    throw err
  console.error(`Cannot start: ${err.message}`)
  process.exit(1)
}
const base = config.basePath
const ceiling = connectionCeiling(config.connections.max, openFileLimit())
if (ceiling.lowered)
  console.warn(`MAX_CONNECTIONS lowered to ${ceiling.max}, below the open-file limit (ulimit -n)`)
const server = createServer(httpServerOptions(config.connections), chain(
  createSecurityHeaders(config.frameAncestors),
  (req, res, next) => {
    if (stripBase(req, base))
      return next()
    res.writeHead(302, { location: base }).end()
  },
  polls.handle,
  createStaticHandler(distDir),
))
const connections = limitConnections(server, { ...config.connections, max: ceiling.max })
server.on('upgrade', (req, socket, head) => {
  if (!stripBase(req, base) || !polls.upgrade(req, socket, head))
    socket.destroy()
  else connections.upgraded(socket as Socket, head)
})

server.once('error', (err: NodeJS.ErrnoException) => {
  const mistake = portMistake(err, config.port, config.host)
  if (!mistake)
    throw err
  stopOnMistake(`Cannot start: ${mistake}`, err)
})
server.listen(config.port, config.host, async () => {
  port = (server.address() as AddressInfo).port
  const join = joinUrl(port, config.publicUrl, base, config.host)
  const unreachable = joinUrlWarning(config.publicUrl, config.host)
  const local = `http://localhost:${port}${base}`
  // Said first: the links come last, where the terminal ends, the QR code for the audience above them.
  if (unreachable)
    console.warn(`\n  ${unreachable}`)
  // The links come last, where the terminal ends: the QR code for the audience above them.
  console.log(`\n${await QRCode.toString(join, { type: 'terminal', small: true })}`)
  console.log(`  Deck        ${local}`)
  console.log(`  Presenter   ${local}presenter/1?token=${config.token}`)
  console.log(`  Console     ${local}console/?token=${config.token}`)
  console.log(`  Audience    ${join}`)
  console.log(`  Votes in    ${polls.storage}`)
  console.log(`  Limits      ${ceiling.max} connections, ${config.connections.perAddress} per address`)
  if (config.tokenGenerated)
    console.log(`  Token       ${config.token}  (generated; set PRESENTER_TOKEN to keep one)`)
})

function shutdown(): void {
  server.close()
  // Whatever is committed is safe: the process ends even if the database does not answer.
  setTimeout(() => process.exit(0), 2000).unref()
  // Closing the store releases the SQLite file's lock.
  polls.close().catch(() => {}).finally(() => {
    process.exit(0)
  })
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
