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
}

const usage = `Usage: node --import tsx bench/run.ts [--clients 2000] [--rate 500] [--duration 20] [--ramp-per-second 2000] [--skip-baseline] [--compare <git ref>] [--text-answers 50000]`

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
      'help': { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
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
  }
}
