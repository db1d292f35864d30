/** The only address the bench ever binds or connects to: it must never load anything but this machine. */
export const LOOPBACK = '127.0.0.1'

export function assertLoopback(url: string): void {
  if (new URL(url).hostname !== LOOPBACK)
    throw new Error(`bench targets ${LOOPBACK} only, not ${url}`)
}
