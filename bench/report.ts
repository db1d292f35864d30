import type { Machine } from './machine'
import type { BenchOptions } from './options'
import type { TargetResult } from './scenario'
import { WARMUP_MS } from './scenario'

export interface TargetCheck {
  target: string
  status: 'PASS' | 'FAIL' | 'NOT RUN'
  measured: string
}

interface Row {
  label: string
  value: (r: TargetResult) => number
  text?: (r: TargetResult) => string
  digits?: number
  /** Print ours/baseline (for the latency, throughput and memory figures). */
  ratio?: boolean
}

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–'
}

const rows: Row[] = [
  {
    label: 'Sockets open after ramp',
    value: r => r.afterRamp.open,
    text: r => `${fmt(r.afterRamp.open)} / ${fmt(r.clients)}`,
  },
  {
    label: 'Phones greeted by the server (`welcome`)',
    value: r => r.atEnd.welcomed,
  },
  {
    label: 'Sockets still open after voting',
    value: r => r.atEnd.open,
  },
  {
    label: 'Connect phase (s)',
    value: r => r.connectSeconds,
    digits: 1,
  },
  {
    label: 'Server RSS before phones (MB)',
    value: r => r.rssMb.idle,
  },
  {
    label: 'Server RSS with sockets held (MB)',
    value: r => r.rssMb.held,
    ratio: true,
  },
  {
    label: 'Server RSS peak (MB)',
    value: r => r.rssMb.peak,
    ratio: true,
  },
  {
    label: 'Server CPU while voting (% of a core)',
    value: r => r.serverCpu,
    ratio: true,
  },
  {
    label: 'Load generators CPU (% of a core)',
    value: r => r.generatorCpu,
  },
  {
    label: 'Whole machine CPU while voting (% of a core; 100 × cores max)',
    value: r => r.machineCpu,
  },
  {
    label: 'Votes offered (/s)',
    value: r => r.votes.offeredPerSecond,
    digits: 1,
  },
  {
    label: 'Acks sustained (/s)',
    value: r => r.votes.ackedPerSecond,
    digits: 1,
    ratio: true,
  },
  {
    label: 'Ack latency p50 (ms)',
    value: r => r.votes.ackMs.p50,
    digits: 2,
    ratio: true,
  },
  {
    label: 'Ack latency p95 (ms)',
    value: r => r.votes.ackMs.p95,
    digits: 2,
    ratio: true,
  },
  {
    label: 'Ack latency p99 (ms)',
    value: r => r.votes.ackMs.p99,
    digits: 2,
    ratio: true,
  },
  {
    label: 'Ack latency max (ms)',
    value: r => r.votes.ackMs.max,
    digits: 1,
    ratio: true,
  },
  {
    label: 'Vote → presenter p50 (ms)',
    value: r => r.votes.presenterMs.p50,
    digits: 1,
    ratio: true,
  },
  {
    label: 'Vote → presenter p99 (ms)',
    value: r => r.votes.presenterMs.p99,
    digits: 1,
    ratio: true,
  },
  {
    label: 'Presenter `results` messages (/s)',
    value: r => r.votes.resultsPerSecond,
    digits: 1,
  },
  {
    label: 'Errors (server exit · failed connects · unfinished · closes · error msgs · lost · not sent · unseen)',
    value: r => r.errorTotal,
    text: r => `${fmt(r.errorTotal)} (${[
      Number(r.crash !== undefined),
      r.atEnd.failed,
      r.clients - r.atEnd.settled,
      r.atEnd.unexpectedCloses + Number(r.presenterClosed),
      Object.values(r.errors).reduce((a, b) => a + b, 0),
      r.votes.lost,
      r.votes.notSent,
      r.votes.unseenByPresenter,
    ].join(' · ')})`,
  },
]

/** The targets the server is held to, judged on its own run; printed, never an exit code. */
export function checkTargets(ours: TargetResult, options: BenchOptions): TargetCheck[] {
  const v = ours.votes
  const held = Math.min(ours.atEnd.open, ours.atEnd.welcomed)
  return [
    {
      target: '5,000 sockets held with server RSS under 500 MB',
      status: options.clients < 5000
        ? 'NOT RUN'
        : held >= 5000 && ours.rssMb.peak < 500
          ? 'PASS'
          : 'FAIL',
      measured: `${fmt(held)} held, peak RSS ${fmt(ours.rssMb.peak)} MB${options.clients < 5000
        ? ' (run with --clients 5000)'
        : ''}`,
    },
    {
      target: '500 votes/s with ack p99 ≤ 20 ms',
      status: options.rate < 500
        ? 'NOT RUN'
        : v.ackedPerSecond >= 490 && v.ackMs.p99 <= 20
          ? 'PASS'
          : 'FAIL',
      measured: `${fmt(v.ackedPerSecond, 1)} acks/s, p99 ${fmt(v.ackMs.p99, 2)} ms${options.rate < 500
        ? ' (run with --rate 500)'
        : ''}`,
    },
    {
      target: 'vote-to-presenter p99 ≤ 100 ms',
      status: v.presenterMs.p99 <= 100 && v.unseenByPresenter === 0
        ? 'PASS'
        : 'FAIL',
      measured: `p99 ${fmt(v.presenterMs.p99, 1)} ms, ${v.unseenByPresenter} acked votes never followed by results`,
    },
    {
      target: 'no errors',
      status: ours.errorTotal === 0
        ? 'PASS'
        : 'FAIL',
      measured: `${fmt(ours.errorTotal)} errors`,
    },
  ]
}

export function markdown(machine: Machine, options: BenchOptions, results: TargetResult[], checks: TargetCheck[], at: Date): string {
  const ours = results[0]!
  const cell = (row: Row, r: TargetResult): string => row.text
    ? row.text(r)
    : fmt(row.value(r), row.digits)
  // Ours against each other run: the earlier version (--compare) and the bare `ws` baseline.
  const others = results.slice(1)
  const ratio = (row: Row, other: TargetResult): string => {
    if (!row.ratio)
      return ''
    const q = row.value(ours) / row.value(other)
    return Number.isFinite(q)
      ? `×${q.toFixed(2)}`
      : '–'
  }
  const script = (r: TargetResult): string => r.name === 'baseline'
    ? 'bench/baselineServer.ts'
    : 'server/main.ts'
  const head = [
    `| | ${results.map(r => `${r.name} (${script(r)})`).join(' | ')} | ${others.map(o => `ours / ${o.name}`).join(' | ')} |`,
    `| --- | ${results.map(() => '--:').join(' | ')} | ${others.map(() => '--:').join(' | ')} |`,
  ]
  const table = rows.map(row => `| ${row.label} | ${results.map(r => cell(row, r)).join(' | ')} | ${others.map(o => ratio(row, o)).join(' | ')} |`)
  const errors = results.flatMap(r => [
    ...(r.crash
      ? [`- ${r.name}: the server process ended during the run: ${r.crash.split('\n')[0]}`]
      : []),
    ...Object.entries(r.errors).map(([text, n]) => `- ${r.name}: ${n} × "${text}"`),
  ])
  return [
    `## Poll server load benchmark, ${at.toISOString()}`,
    '',
    `Machine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}.`,
    ...(options.textAnswers
      ? [`Case: the open-text poll already holds ${fmt(options.textAnswers)} answers; every vote is a new text answer.`]
      : []),
    `Run: ${fmt(options.clients)} phones connecting at ${fmt(options.rampPerSecond)}/s (2 generator processes), one presenter; ${fmt(options.rate)} votes/s, ${WARMUP_MS / 1000} s warm-up + ${options.duration} s measured. Server, generators and presenter share this machine.`,
    '',
    ...head,
    ...table,
    '',
    'Targets (ours):',
    '',
    ...checks.map(c => `- **${c.status}** ${c.target}: ${c.measured}`),
    ...(errors.length
      ? ['', 'Error messages:', '', ...errors]
      : []),
    '',
    'Method: ack latency is vote sent → `ack` with the same `ref`, timed in the generator. Vote → presenter is, for each',
    'acked vote, (arrival at the presenter of the first `results` message after that vote\'s ack) − (the vote\'s send time);',
    'the server broadcasts results only after a vote is committed, and all processes stamp with the same machine clock',
    '(`performance.timeOrigin + performance.now()`, cross-process offset < 1 ms). Votes are sent open-loop (on schedule,',
    'whatever the acks do), round-robin over the phones; acks/s counts acks arriving within the measured window.',
    '',
  ].join('\n')
}
