import type { IncomingMessage } from 'node:http'
import { isIPv6 } from 'node:net'
import ipaddr from 'ipaddr.js'
import proxyAddr from 'proxy-addr'

/** Whether the hop at `address` (0 = the socket's peer) is a proxy whose X-Forwarded-For is believed. */
export type TrustProxy = (address: string, hop: number) => boolean

/**
 * TRUST_PROXY read as Express reads `trust proxy`: '' or 'false' (no proxy: X-Forwarded-For is ignored),
 * 'true' (every hop), a number of hops, or addresses, subnets and loopback/linklocal/uniquelocal,
 * separated by commas or spaces. Throws on an address proxy-addr cannot read.
 */
export function compileTrust(setting: string): TrustProxy {
  const value = setting.trim()
  if (value === '' || value === 'false')
    return () => false
  if (value === 'true')
    return () => true
  if ([...value].every(c => c >= '0' && c <= '9')) {
    const hops = Number(value)
    return (_, hop) => hop < hops
  }
  return proxyAddr.compile(value.split(/[\s,]+/).filter(Boolean))
}

/**
 * The key per-address budgets are kept under: an IPv4 address (IPv4-mapped IPv6 included) as it is, an
 * IPv6 address by its /64, the network one subscriber gets (else each of its 2^64 addresses had a budget).
 */
export function addressKey(address: string): string {
  if (!isIPv6(address))
    return address
  const parsed = ipaddr.IPv6.parse(address)
  if (parsed.isIPv4MappedAddress())
    return parsed.toIPv4Address().toString()
  return `${new ipaddr.IPv6([
    ...parsed.parts.slice(0, 4),
    0,
    0,
    0,
    0,
  ]).toRFC5952String()}/64`
}

/** The client a request (or WebSocket upgrade) comes from, as a budget key; X-Forwarded-For only as `trust` allows. */
export function createClientAddress(trust: TrustProxy): (req: IncomingMessage) => string {
  return req => req.socket.remoteAddress === undefined
    ? ''
    : addressKey(proxyAddr(req, trust))
}
