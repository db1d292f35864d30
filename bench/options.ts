import process from 'node:process'
import { parseArgs } from 'node:util'

export interface BenchOptions {
  /** Simulated phones. */
  clients: number
  /** Votes a second across all phones. */
  rate: number
  /** Seconds of steady voting that are measured (after a short warm-up). */
  duration: number
  /** New WebSocket connections a second while the audience joins. */
  rampPerSecond: number
  skipBaseline: boolean
  /** A git ref whose server also runs, for a before/after in the same run. */
  compare?: string
  /** Answers stored in the open-text poll before the run; when set, the phones vote on that poll. */
  textAnswers: number
  /**
   * Server processes sharing one fresh PostgreSQL database, the phones spread over them; above 1 (or with
   * --postgres) that run comes first, and one SQLite process takes the same load beside it.
   */
  servers: number
  postgres: boolean
  /** Leave the run's PostgreSQL database without statistics (no ANALYZE after the warm-up). */
  skipAnalyze: boolean
}

/** Each process opens up to 11 PostgreSQL connections, and the local server allows 100 in all. */
const MAX_SERVERS = 8

const usage = `Usage: node --import tsx bench/run.ts [--clients 2000] [--rate 500] [--duration 20] [--ramp-per-second 2000] [--skip-baseline] [--compare <git ref>] [--text-answers 50000] [--servers 1] [--postgres] [--skip-analyze]
  --servers N     N server processes on one fresh PostgreSQL database (TEST_DATABASE_URL, else postgres@127.0.0.1:5432),
                  phones spread round-robin over them, the presenter on the first; beside it one SQLite process takes
                  the same load. The database is dropped afterwards. --postgres: the same with N = 1.
  --skip-analyze  no ANALYZE of that database after the warm-up: the planner without statistics, as in a new
                  database's first minute (or with autovacuum off).`

function positive(name: string, raw: string): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number (got "${raw}")\n${usage}`)
    process.exit(1)
  }
  return value
}

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'clients': { type: 'string', default: '2000' },
      'rate': { type: 'string', default: '500' },
      'duration': { type: 'string', default: '20' },
      // A few hundred per 100 ms: fast enough to be quick, slow enough that the connect storm does not distort.
      'ramp-per-second': { type: 'string', default: '2000' },
      'skip-baseline': { type: 'boolean', default: false },
      'compare': { type: 'string' },
      'text-answers': { type: 'string', default: '0' },
      'servers': { type: 'string', default: '1' },
      'postgres': { type: 'boolean', default: false },
      'skip-analyze': { type: 'boolean', default: false },
      'help': { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const servers = Math.round(positive('servers', values.servers))
  if (servers > MAX_SERVERS) {
    console.error(`--servers is at most ${MAX_SERVERS} (each process opens up to 11 PostgreSQL connections)\n${usage}`)
    process.exit(1)
  }
  return {
    clients: Math.round(positive('clients', values.clients)),
    rate: positive('rate', values.rate),
    duration: positive('duration', values.duration),
    rampPerSecond: positive('ramp-per-second', values['ramp-per-second']),
    skipBaseline: values['skip-baseline'],
    compare: values.compare,
    textAnswers: values['text-answers'] === '0'
      ? 0
      : Math.round(positive('text-answers', values['text-answers'])),
    servers,
    postgres: values.postgres || servers > 1,
    skipAnalyze: values['skip-analyze'],
  }
}
