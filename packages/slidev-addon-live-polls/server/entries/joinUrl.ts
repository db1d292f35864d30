import { networkInterfaces } from 'node:os'

/** This machine's first LAN IPv4 address: what phones on the same network can reach. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find(a => a.family === 'IPv4' && !a.internal)
    if (found)
      return found.address
  }
  return undefined
}

/** Where the audience joins: PUBLIC_URL if set, else this machine's LAN address. */
export function joinUrl(port: number, publicUrl?: string, basePath = '/'): string {
  const origin = publicUrl?.replace(/\/$/, '') ?? `http://${lanAddress() ?? 'localhost'}:${port}`
  return `${origin}${basePath}vote/`
}
