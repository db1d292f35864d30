import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** The process listening on a TCP port (Linux /proc), or undefined when no process is. */
export function listeningPid(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      // local_address is ADDR:PORT; state 0A is LISTEN; field 9 is the socket's inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
        inodes.add(`socket:[${fields[9]}]`)
    }
  }
  if (inodes.size === 0)
    return undefined
  for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some(fd => inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))))
        return Number(pid)
    }
    catch {} // gone, or not ours to read
  }
  return undefined
}
