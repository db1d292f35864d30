import { createServer } from 'node:net'

// What keeps the server off its port that the user can change: another server on it, or a port below 1024.
const reasons: Record<string, string> = {
  EADDRINUSE: 'is in use (another server?)',
  EACCES: 'may not be used by this user',
  EADDRNOTAVAIL: 'is not an address of this machine',
}

/** The line for an error listening on a port, when it is the user's to fix (PORT, HOST); else undefined. */
export function portMistake(err: NodeJS.ErrnoException, port: number, host: string): string | undefined {
  const reason = reasons[err.code ?? '']
  if (!reason)
    return undefined
  return err.code === 'EADDRNOTAVAIL'
    ? `HOST ${host} ${reason}; set HOST to one of its addresses, or 0.0.0.0`
    : `port ${port} on ${host} ${reason}; set PORT to another`
}

/** The error listening on `port` at `host` would meet now, if any: checked before a long build, not a guarantee. */
export function listenError(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', resolve)
    probe.listen(port, host, () => probe.close(() => resolve(undefined)))
  })
}
