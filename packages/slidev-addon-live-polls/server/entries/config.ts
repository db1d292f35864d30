import type { AddressBudgets } from '../edge/addressBudgets.ts'
import type { ConnectionSettings } from '../edge/connectionLimits.ts'
import type { DatabaseTimeouts } from '../stores/databaseTimeouts.ts'
import type { StorageSettings } from '../stores/openStore.ts'
import { resolve } from 'node:path'
import * as v from 'valibot'
import { DEFAULT_BUDGETS } from '../edge/addressBudgets.ts'
import { normalizeBase } from '../edge/basePath.ts'
import { compileTrust } from '../edge/clientAddress.ts'
import { generateToken } from '../edge/presenterToken.ts'
import { DEFAULT_TIMEOUTS } from '../stores/databaseTimeouts.ts'

/** Where votes are kept unless POLL_DB says otherwise: the data folder, which no dev server serves. */
export const DEFAULT_DB = 'data/polls.sqlite'

/** Focus groups are small: in comparisons a group with fewer answers to a poll is shown as "fewer than N". */
export const DEFAULT_MIN_GROUP_SIZE = 5

function wholeNumber(name: string, fallback: number) {
  return v.optional(v.pipe(v.string(), v.transform(Number), v.integer(`${name} must be a whole number (0 turns it off)`), v.minValue(0, `${name} must be 0 or more`)), String(fallback))
}

function compiles(setting: string): boolean {
  try {
    compileTrust(setting)
    return true
  }
  catch {
    return false
  }
}

const count = (name: string) => v.pipe(v.string(), v.transform(Number), v.integer(`${name} must be a whole number`), v.minValue(1, `${name} must be at least 1`))
const seconds = (name: string) => v.pipe(v.string(), v.transform(Number), v.number(`${name} must be a number of seconds`), v.minValue(0.1, `${name} must be at least 0.1 seconds`))

const Env = v.object({
  PORT: v.optional(v.pipe(v.string(), v.transform(Number), v.integer('PORT must be a whole number'), v.minValue(0), v.maxValue(65535)), '3030'),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '0.0.0.0'),
  POLL_DB: v.optional(v.pipe(v.string(), v.minLength(1)), DEFAULT_DB),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.url('DATABASE_URL must be a URL, e.g. postgres://polls@db.example.org/polls'), v.check(url => /^postgres(?:ql)?:$/.test(new URL(url).protocol), 'DATABASE_URL must be a postgres:// or postgresql:// URL'))),
  PRESENTER_TOKEN: v.optional(v.pipe(v.string(), v.minLength(12, 'PRESENTER_TOKEN must be at least 12 characters'))),
  RETENTION_DAYS: v.optional(v.pipe(v.string(), v.transform(Number), v.number('RETENTION_DAYS must be a number'), v.minValue(1, 'RETENTION_DAYS must be at least 1'))),
  BASE_PATH: v.optional(v.pipe(v.string(), v.regex(/^[\w/-]*$/, 'BASE_PATH may hold only letters, digits, - _ and /')), '/'),
  FRAME_ANCESTORS: v.optional(v.pipe(v.string(), v.regex(/^[\w\s.:/*-]*$/, 'FRAME_ANCESTORS must be origins separated by spaces, e.g. https://lms.example.org')), ''),
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('PUBLIC_URL must be a URL, e.g. https://polls.example.org/'))),
  MIN_GROUP_SIZE: v.optional(count('MIN_GROUP_SIZE'), String(DEFAULT_MIN_GROUP_SIZE)),
  TRUST_PROXY: v.optional(v.pipe(v.string(), v.check(compiles, 'TRUST_PROXY must be false, true, a number of proxy hops, or proxy addresses/subnets (e.g. loopback, 10.0.0.0/8)')), ''),
  WS_SOCKETS_PER_ADDRESS: wholeNumber('WS_SOCKETS_PER_ADDRESS', DEFAULT_BUDGETS.sockets),
  WS_MESSAGES_PER_ADDRESS_PER_MINUTE: wholeNumber('WS_MESSAGES_PER_ADDRESS_PER_MINUTE', DEFAULT_BUDGETS.messagesPerMinute),
  FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE: wholeNumber('FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE', DEFAULT_BUDGETS.failedLookupsPerMinute),
  // A room of 2,000 phones behind one NAT address holds 2,000 WebSockets plus a page load's short HTTP connections.
  MAX_CONNECTIONS_PER_ADDRESS: v.optional(count('MAX_CONNECTIONS_PER_ADDRESS'), '4000'),
  MAX_CONNECTIONS: v.optional(count('MAX_CONNECTIONS')),
  HEADERS_TIMEOUT: v.optional(seconds('HEADERS_TIMEOUT'), '10'),
  REQUEST_TIMEOUT: v.optional(seconds('REQUEST_TIMEOUT'), '30'),
  HANDSHAKE_TIMEOUT: v.optional(seconds('HANDSHAKE_TIMEOUT'), '10'),
  // Node's default. Behind a load balancer, set it above the balancer's idle timeout: a request sent on a
  // connection as the server closes it is reset, and clients that do not retry (scripts) see an error.
  KEEP_ALIVE_TIMEOUT: v.optional(seconds('KEEP_ALIVE_TIMEOUT'), '5'),
  // A statement that runs or waits for a lock longer is cancelled: a vote is refused as retryable, not held.
  DB_STATEMENT_TIMEOUT: v.optional(seconds('DB_STATEMENT_TIMEOUT'), String(DEFAULT_TIMEOUTS.statementMs / 1000)),
  DB_LOCK_TIMEOUT: v.optional(seconds('DB_LOCK_TIMEOUT'), String(DEFAULT_TIMEOUTS.lockMs / 1000)),
})

/**
 * The settings, resolved once from the environment by `readConfig`: every part takes its own from this object
 * (`pollServerSettings` for the poll server, `StorageSettings` for a store), none reads the environment again.
 */
export interface ServerConfig extends StorageSettings {
  port: number
  host: string
  token: string
  /** Set when the token was generated here (so it is printed). */
  tokenGenerated: boolean
  publicUrl?: string
  retentionDays?: number
  basePath: string
  frameAncestors: string[]
  /** Pages besides the deck's own that may vote and open the socket: PUBLIC_URL's origin and FRAME_ANCESTORS. */
  allowedOrigins: string[]
  trustProxy: string
  /** In comparisons and their exports, a group with fewer participants in a poll is withheld there. */
  minGroupSize: number
  budgets: AddressBudgets
  connections: ConnectionSettings
  /** DB_STATEMENT_TIMEOUT and DB_LOCK_TIMEOUT, in ms: always resolved here. */
  timeouts: DatabaseTimeouts
}

/** A setting in the environment that cannot be used: the message names it and says what it must be. */
export class ConfigError extends Error {}

/** Reads the server's settings from the environment; a bad value stops start-up with a clear message. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  // An empty DATABASE_URL (a blank line in an env file) means none.
  // The first issue of each setting: "PORT must be a whole number", not also its range checks on NaN.
  const parsed = v.safeParse(Env, { ...env, DATABASE_URL: env.DATABASE_URL || undefined }, { abortPipeEarly: true })
  if (!parsed.success)
    throw new ConfigError(`Bad configuration: ${parsed.issues.map(i => `${i.path?.[0]?.key}: ${i.message}`).join('; ')}`)
  const c = parsed.output
  // Node refuses a headers timeout longer than the request timeout; say so in our terms.
  if (c.HEADERS_TIMEOUT > c.REQUEST_TIMEOUT)
    throw new ConfigError('Bad configuration: HEADERS_TIMEOUT must not exceed REQUEST_TIMEOUT')
  // A lock wait is part of the statement: a longer one would never be reached.
  if (c.DB_LOCK_TIMEOUT > c.DB_STATEMENT_TIMEOUT)
    throw new ConfigError('Bad configuration: DB_LOCK_TIMEOUT must not exceed DB_STATEMENT_TIMEOUT')
  return {
    port: c.PORT,
    host: c.HOST,
    dbPath: c.POLL_DB === ':memory:'
      ? c.POLL_DB
      : resolve(c.POLL_DB),
    databaseUrl: c.DATABASE_URL,
    token: c.PRESENTER_TOKEN ?? generateToken(),
    tokenGenerated: !c.PRESENTER_TOKEN,
    publicUrl: c.PUBLIC_URL,
    retentionDays: c.RETENTION_DAYS,
    basePath: normalizeBase(c.BASE_PATH),
    frameAncestors: c.FRAME_ANCESTORS.split(/\s+/).filter(Boolean),
    allowedOrigins: [
      ...(c.PUBLIC_URL
        ? [new URL(c.PUBLIC_URL).origin]
        : []),
      ...c.FRAME_ANCESTORS.split(/\s+/).filter(Boolean),
    ],
    trustProxy: c.TRUST_PROXY,
    minGroupSize: c.MIN_GROUP_SIZE,
    budgets: {
      sockets: c.WS_SOCKETS_PER_ADDRESS,
      messagesPerMinute: c.WS_MESSAGES_PER_ADDRESS_PER_MINUTE,
      failedLookupsPerMinute: c.FAILED_LOOKUPS_PER_ADDRESS_PER_MINUTE,
    },
    connections: {
      max: c.MAX_CONNECTIONS,
      perAddress: c.MAX_CONNECTIONS_PER_ADDRESS,
      headersTimeoutMs: Math.round(c.HEADERS_TIMEOUT * 1000),
      requestTimeoutMs: Math.round(c.REQUEST_TIMEOUT * 1000),
      handshakeTimeoutMs: Math.round(c.HANDSHAKE_TIMEOUT * 1000),
      keepAliveTimeoutMs: Math.round(c.KEEP_ALIVE_TIMEOUT * 1000),
    },
    timeouts: {
      statementMs: Math.round(c.DB_STATEMENT_TIMEOUT * 1000),
      lockMs: Math.round(c.DB_LOCK_TIMEOUT * 1000),
    },
  }
}

/** The settings `createPollServer` takes from the configuration, the same for `npm start` and the Vite plugin. */
export function pollServerSettings(config: ServerConfig): Pick<ServerConfig, 'dbPath' | 'databaseUrl' | 'token' | 'retentionDays' | 'trustProxy' | 'allowedOrigins' | 'budgets' | 'minGroupSize' | 'timeouts'> {
  const { dbPath, databaseUrl, token, retentionDays, trustProxy, allowedOrigins, budgets, minGroupSize, timeouts } = config
  return {
    timeouts,
    minGroupSize,
    dbPath,
    databaseUrl,
    token,
    retentionDays,
    trustProxy,
    allowedOrigins,
    budgets,
  }
}
