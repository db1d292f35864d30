import { networkInterfaces } from 'node:os'
import ipaddr from 'ipaddr.js'

/** This machine's first LAN IPv4 address: what phones on the same network can reach. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find(a => a.family === 'IPv4' && !a.internal)
    if (found)
      return found.address
  }
  return undefined
}

/** A HOST that listens on every interface: the LAN address is one of them. */
function everyInterface(host: string | undefined): boolean {
  return !host || host === '0.0.0.0' || host === '::'
}

/** A HOST that only this machine can reach. */
function loopbackOnly(host: string): boolean {
  if (host === 'localhost')
    return true
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback'
}

/**
 * Where the audience joins: PUBLIC_URL if set; else, when the server listens on every interface (`HOST` unset,
 * `0.0.0.0`, `::`), this machine's LAN address; else the address it listens on, the only one it answers on.
 */
export function joinUrl(port: number, publicUrl?: string, basePath = '/', host?: string): string {
  if (publicUrl)
    return `${publicUrl.replace(/\/$/, '')}${basePath}vote/`
  const name = everyInterface(host)
    ? lanAddress() ?? 'localhost'
    : host!
  const bracketed = name.includes(':')
    ? `[${name}]`
    : name
  return `http://${bracketed}:${port}${basePath}vote/`
}

/** What to tell the presenter when the printed audience address is one no phone can reach; undefined when it is. */
export function joinUrlWarning(publicUrl?: string, host?: string): string | undefined {
  if (publicUrl || everyInterface(host) || !loopbackOnly(host!))
    return undefined
  return `HOST=${host} answers this machine only: no phone can reach the audience address. `
    + `Unset HOST (or HOST=0.0.0.0) to take votes over the LAN, or set PUBLIC_URL to the address a proxy in front serves.`
}
