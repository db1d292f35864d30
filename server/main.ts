import { createServer } from 'node:http'
import { resolve } from 'node:path'
import process from 'node:process'
import { chain } from './http'
import { createStaticHandler } from './static'

const port = Number(process.env.PORT ?? 3030)
const host = process.env.HOST ?? '0.0.0.0'
const distDir = resolve(process.env.DECK_DIST ?? 'dist')

const server = createServer(chain(createStaticHandler(distDir)))
server.listen(port, host, () => {
  console.log(`Deck: http://localhost:${port}/`)
})
