import type { Socket } from 'node:net'
import { connect } from 'node:net'

export interface RawReply {
  /** The status code of the first response line, if one came. */
  status?: number
  data: string
  /** Time until the server closed the connection (or the timeout). */
  ms: number
  /** False when the timeout ended the wait, not the server. */
  closed: boolean
}

/** Sends `text` as is on a fresh connection and reads until the server closes it, or `timeoutMs` passes. */
export function rawExchange(port: number, text: string, options: { localAddress?: string, timeoutMs?: number } = {}): Promise<RawReply> {
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = connect({ port, host: '127.0.0.1', localAddress: options.localAddress }, () => socket.write(text))
    let data = ''
    let timer: NodeJS.Timeout | undefined
    const done = (closed: boolean): void => {
      clearTimeout(timer)
      socket.destroy()
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]
      resolve({
        status: status
          ? Number(status)
          : undefined,
        data,
        ms: performance.now() - started,
        closed,
      })
    }
    timer = setTimeout(done, options.timeoutMs ?? 5000, false)
    socket.on('data', chunk => (data += chunk))
    socket.on('close', () => done(true))
    socket.on('error', () => {})
  })
}

/** A GET that closes its connection after the answer. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, options: { localAddress?: string, timeoutMs?: number } = {}): Promise<RawReply> {
  const lines = Object.entries({ host: 'x', connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  return rawExchange(port, `GET ${path} HTTP/1.1\r\n${lines}\r\n`, options)
}

/** A connection that is opened and then left alone, e.g. to hold one of an address's slots. */
export function openSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Resolves with the time it took the server to close `socket`, or undefined if it stays open for `timeoutMs`. */
export function closedWithin(socket: Socket, timeoutMs: number, since = performance.now()): Promise<number | undefined> {
  return new Promise((resolve) => {
    if (socket.destroyed)
      return resolve(performance.now() - since)
    const timer = setTimeout(resolve, timeoutMs, undefined)
    socket.on('error', () => {})
    // Read (and drop) what comes, or the server's close is never noticed.
    socket.resume()
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(performance.now() - since)
    })
  })
}
