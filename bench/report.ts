import type { Machine } from './machine'
import type { BenchOptions } from './options'
import type { ProcessResult, TargetResult } from './scenario'
import { WARMUP_MS } from './scenario'

export interface TargetCheck {
  /** The run it judges (ours, postgres ×N, sqlite ×1). */
  run: string
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

/** Each server process's figure, for a run of several: "150 · 148". */
function perProcess(r: TargetResult, pick: (p: ProcessResult) => number, digits = 0): string {
  return r.processes.length > 1
    ? ` (${r.processes.map(p => fmt(pick(p), digits)).join(' · ')})`
    : ''
}

/** CPU seconds over the window per 1,000 acknowledged votes, in ms. */
function msPerThousand(cpuSeconds: number, r: TargetResult): number {
  return r.votes.acked > 0
    ? cpuSeconds * 1e6 / r.votes.acked
    : Number.NaN
}
const serverCpuSeconds = (r: TargetResult, seconds: number): number => r.serverCpu / 100 * seconds
function postgresCpuSeconds(r: TargetResult): number {
  return r.postgres?.cpu
    ? r.postgres.cpu.ours + r.postgres.cpu.background
    : Number.NaN
}

function rows(seconds: number): Row[] {
  return [
    {
      label: 'Server processes (phones welcomed by each)',
      value: r => r.processes.length,
      text: r => `${r.processes.length}${perProcess(r, p => p.phones)}`,
    },
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
      label: 'Server RSS before phones (MB; the largest process, then each)',
      value: r => r.rssMb.idle,
      text: r => `${fmt(r.rssMb.idle)}${perProcess(r, p => p.rssMb.idle)}`,
    },
    {
      label: 'Server RSS with sockets held (MB; the largest process, then each)',
      value: r => r.rssMb.held,
      text: r => `${fmt(r.rssMb.held)}${perProcess(r, p => p.rssMb.held)}`,
      ratio: true,
    },
    {
      label: 'Server RSS peak (MB; the largest process, then each)',
      value: r => r.rssMb.peak,
      text: r => `${fmt(r.rssMb.peak)}${perProcess(r, p => p.rssMb.peak)}`,
      ratio: true,
    },
    {
      label: 'Server CPU while voting (% of a core; all processes, then each)',
      value: r => r.serverCpu,
      text: r => `${fmt(r.serverCpu)}${perProcess(r, p => p.cpu)}`,
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
      label: 'Vote → presenter p50 / p99, votes on another process than the presenter\'s (ms; LISTEN/NOTIFY)',
      value: r => r.votes.presenterRemoteMs.p99,
      text: r => r.processes.length > 1
        ? `${fmt(r.votes.presenterRemoteMs.p50, 1)} / ${fmt(r.votes.presenterRemoteMs.p99, 1)}`
        : '–',
    },
    {
      label: 'Presenter `results` messages (/s)',
      value: r => r.votes.resultsPerSecond,
      digits: 1,
    },
    {
      label: 'Presenter\'s final count: participants shown / with an acknowledged vote',
      value: r => r.finalCount.difference,
      text: r => `${fmt(r.finalCount.shown?.participants ?? Number.NaN)} / ${fmt(r.finalCount.expected.participants)} ${r.finalCount.difference === 0
        ? '(counts equal)'
        : `(**${fmt(r.finalCount.difference)} off**)`}`,
    },
    {
      label: 'Server CPU per 1,000 votes (ms, all processes)',
      value: r => msPerThousand(serverCpuSeconds(r, seconds), r),
      digits: 1,
      ratio: true,
    },
    {
      label: 'PostgreSQL CPU per 1,000 votes (ms; the run\'s backends + background processes)',
      value: r => msPerThousand(postgresCpuSeconds(r), r),
      digits: 1,
    },
    {
      label: 'Server + PostgreSQL CPU per 1,000 votes (ms)',
      value: r => msPerThousand(serverCpuSeconds(r, seconds) + (r.postgres
        ? postgresCpuSeconds(r)
        : 0), r),
      digits: 1,
      ratio: true,
    },
    {
      label: 'WAL per vote (bytes; the run\'s database · whole cluster)',
      value: r => (r.postgres?.own?.walBytes ?? Number.NaN) / r.votes.acked,
      text: r => r.postgres
        ? `${fmt((r.postgres.own?.walBytes ?? Number.NaN) / r.votes.acked)} · ${fmt(r.postgres.walBytes / r.votes.acked)}`
        : '–',
    },
    {
      label: 'Write transactions = vote batches (/s; from the WAL) · votes per batch',
      value: r => (r.postgres?.own?.writes ?? Number.NaN) / seconds,
      text: r => r.postgres?.own
        ? `${fmt(r.postgres.own.writes / seconds, 1)} · ${fmt(r.votes.acked / r.postgres.own.writes, 2)}`
        : '–',
    },
    {
      label: 'All transactions in the run\'s database (/s; writes, and the reads of processes hearing of them)',
      value: r => (r.postgres?.commits ?? Number.NaN) / seconds,
      digits: 1,
    },
    {
      label: 'WAL flushes to disk (/s; whole cluster) · votes per flush',
      value: r => (r.postgres?.walSyncs ?? Number.NaN) / seconds,
      text: r => r.postgres
        ? `${fmt(r.postgres.walSyncs / seconds, 1)} · ${fmt(r.votes.acked / r.postgres.walSyncs, 1)}`
        : '–',
    },
    {
      label: 'Other work on PostgreSQL meanwhile: commits in other databases · their backends\' CPU (% of a core)',
      value: r => r.postgres?.otherCommits ?? Number.NaN,
      text: r => r.postgres
        ? `${fmt(r.postgres.otherCommits)} · ${fmt((r.postgres.cpu?.others ?? Number.NaN) / seconds * 100)}`
        : '–',
    },
    {
      label: 'Errors (server exit · failed connects · unfinished · closes · error msgs · lost · not sent · unseen · final count off)',
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
        r.finalCount.difference,
      ].join(' · ')})`,
    },
  ]
}

/** The targets the server is held to, judged on each of its runs; printed, never an exit code. */
export function checkTargets(ours: TargetResult, options: BenchOptions): TargetCheck[] {
  const v = ours.votes
  const held = Math.min(ours.atEnd.open, ours.atEnd.welcomed)
  const checks: Omit<TargetCheck, 'run'>[] = [
    {
      target: `5,000 sockets held with server RSS under 500 MB${ours.processes.length > 1
        ? ' per process'
        : ''}`,
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
    {
      target: 'the presenter\'s final count equals the acknowledged votes',
      status: ours.finalCount.difference === 0
        ? 'PASS'
        : 'FAIL',
      measured: `${fmt(ours.finalCount.shown?.participants ?? Number.NaN)} participants shown, ${fmt(ours.finalCount.expected.participants)} with an acknowledged vote, ${fmt(ours.finalCount.difference)} off`,
    },
  ]
  return checks.map(c => ({ run: ours.name, ...c }))
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
    return Number.isFinite(q) && q > 0
      ? `×${q.toFixed(2)}`
      : '–'
  }
  // The addon's scripts without the folder they share: server/entries/main.ts, or an earlier version's server/main.ts.
  const script = (r: TargetResult): string => r.script.replace(/^packages\/slidev-addon-live-polls\//, '')
  const head = [
    `| | ${results.map(r => `${r.name} (${script(r)})`).join(' | ')} | ${others.map(o => `${ours.name} / ${o.name}`).join(' | ')} |`,
    `| --- | ${results.map(() => '--:').join(' | ')} | ${others.map(() => '--:').join(' | ')} |`,
  ]
  const pg = results.find(r => r.postgres)
  const table = rows(options.duration).map(row => `| ${row.label} | ${results.map(r => cell(row, r)).join(' | ')} | ${others.map(o => ratio(row, o)).join(' | ')} |`)
  const errors = results.flatMap(r => [
    ...(r.crash
      ? [`- ${r.name}: the server process ended during the run: ${r.crash.split('\n')[0]}`]
      : []),
    ...Object.entries(r.errors).map(([text, n]) => `- ${r.name}: ${n} × "${text}"`),
  ])
  return [
    `## Poll server load benchmark, ${at.toISOString()}`,
    '',
    `Machine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}; load average ${machine.load.start.join(' / ')} (1 / 5 / 15 min) when the bench started, ${machine.load.end.join(' / ')} when it ended.`,
    ...(options.textAnswers
      ? [`Case: the open-text poll already holds ${fmt(options.textAnswers)} answers; every vote is a new text answer.`]
      : []),
    `Run: ${fmt(options.clients)} phones connecting at ${fmt(options.rampPerSecond)}/s (2 generator processes), one presenter; ${fmt(options.rate)} votes/s, ${WARMUP_MS / 1000} s warm-up + ${options.duration} s measured. Server, generators and presenter share this machine.`,
    ...(pg
      ? [
          '',
          `${pg.name}: ${pg.processes.length} server process${pg.processes.length > 1
            ? 'es'
            : ''} on one fresh PostgreSQL database (created for the run, dropped after), the phones spread round-robin`,
          'over them (each to its process\'s own port, no balancer), the presenter on the first; a vote taken by another process',
          'reaches it through LISTEN/NOTIFY. sqlite ×1 is one process on its own SQLite file under the same load.',
          options.skipAnalyze
            ? 'The database was left without planner statistics (--skip-analyze): a new database\'s first minute, or autovacuum off.'
            : 'The database is ANALYZEd at the end of the warm-up, as autovacuum does soon after a new table\'s first 50 rows.',
          `**On this ${machine.cores}-core machine the server processes, PostgreSQL, the load generators and the presenter all share`,
          `the same ${machine.cores} cores: more processes cannot be faster here, and are not meant to be.** What this run shows is`,
          'correctness across processes (every acknowledged vote in the presenter\'s final count, latency across processes)',
          'and the cost per vote (CPU of the server processes and of PostgreSQL, WAL written), not a speed-up.',
        ]
      : []),
    '',
    ...head,
    ...table,
    '',
    'Targets:',
    '',
    ...checks.map(c => `- **${c.status}** ${c.run}: ${c.target}: ${c.measured}`),
    ...(errors.length
      ? ['', 'Error messages:', '', ...errors]
      : []),
    '',
    'Method: ack latency is vote sent → `ack` with the same `ref`, timed in the generator. Vote → presenter is, for each',
    'acked vote, (arrival at the presenter of the first `results` message after that vote\'s ack) − (the vote\'s send time);',
    'the server broadcasts results only after a vote is committed, and all processes stamp with the same machine clock',
    '(`performance.timeOrigin + performance.now()`, cross-process offset < 1 ms). Votes are sent open-loop (on schedule,',
    'whatever the acks do), round-robin over the phones; acks/s counts acks arriving within the measured window.',
    'Final count: after the last ack, the presenter\'s latest `results` (participants and, for choice polls, each option\'s',
    'count) must equal what each phone\'s last acknowledged answer adds up to, within 5 s; the difference counts as errors.',
    ...(pg
      ? [
          'Cost per vote: CPU seconds over the measured window (/proc) per acknowledged vote. PostgreSQL\'s CPU is its',
          'backends serving the run\'s database plus its own background processes (postmaster, WAL writer, checkpointer, …);',
          'backends of other databases (other work on this machine) are left out and shown apart. WAL per vote: the WAL',
          'records of the window (`pg_walinspect`) that touch the run\'s database, with their transactions\' commits; beside it',
          'the whole cluster\'s (`pg_wal_lsn_diff` of `pg_current_wal_lsn()` after and before), which counts other work too.',
          'Write transactions are those of the window\'s WAL records (exact: reads write none); all transactions are',
          '`pg_stat_database.xact_commit` of the run\'s database (each read is one too; backends report about once a second,',
          'which blurs a short window); flushes are `pg_stat_wal.wal_sync` (cluster-wide).',
        ]
      : []),
    '',
  ].join('\n')
}
