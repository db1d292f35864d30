// `live-polls <command>`: the addon's commands, run from the deck's folder (its data/, exports/ and dist/ are used).
import process from 'node:process'

interface Command {
  /** What it does, in one line of `live-polls --help`. */
  summary: string
  usage: string
  /** `live-polls <command> --help`: what it takes, below its usage. */
  help: string
  run: () => Promise<unknown>
}

const commands: Record<string, Command> = {
  start: {
    summary: 'build what is stale of the deck, then serve it with its polls on one port',
    usage: 'live-polls start [path/to/slides.md]',
    help: `Builds the deck (default slides.md), the phone voting page and the console into dist/ beside it when they are
older than their sources, then serves them, the poll API and its WebSocket on one port (PORT, default 3030) and
prints the presenter, console and audience links. Votes go to data/polls.sqlite (POLL_DB) or DATABASE_URL.
Settings are environment variables: PORT, HOST, PUBLIC_URL, BASE_PATH, PRESENTER_TOKEN, … (see the README).`,
    run: () => import('./start.ts'),
  },
  serve: {
    summary: 'serve the deck already built into dist/ (no build)',
    usage: 'live-polls serve',
    help: `Serves dist/ (DECK_DIST), the poll API and its WebSocket, reading the polls from slides.md (DECK_ENTRY).
The same server as live-polls start, without its build step: for a deck built with live-polls build.`,
    run: () => import('../server/entries/main.ts'),
  },
  build: {
    summary: 'build the deck, the voting page and the console into dist/',
    usage: 'live-polls build [path/to/slides.md]',
    help: `Runs slidev build for the deck (default slides.md) and builds the phone voting page and the facilitator
console beside it, all into dist/ next to the deck's entry, for BASE_PATH (default /).`,
    run: () => import('./build.ts'),
  },
  export: {
    summary: 'a PDF (or PNGs) of the deck, poll slides with their stored results',
    usage: 'live-polls export [path/to/slides.md] [--format pdf|png] [--range 3,7] [--output PATH] [-- slidev export flags]',
    help: `Runs slidev export with a Chromium found on this machine (CHROMIUM_PATH, else playwright-chromium's own, else
/usr/bin/chromium); needs playwright-chromium in the deck (npm i -D playwright-chromium). A PDF goes to
exports/<exportFilename>.pdf by default and is checked page by page; PNGs to exports/slides/.`,
    run: () => import('./export.ts'),
  },
  handout: {
    summary: 'a workshop session\'s handout: A4 notes pages and a results appendix (PDF)',
    usage: 'live-polls handout --session CODE [--output FILE] [path/to/slides.md] (or --sessions CODE,CODE,…)',
    help: `Every slide on a notes page with its speaker notes, the poll slides carrying that session's results (default
for the default session), then an appendix with every poll's chart and numbers. --sessions A,B puts up to 8
sessions side by side. Needs playwright-chromium in the deck and a Chromium, as live-polls export does.`,
    run: () => import('./handout.ts'),
  },
  results: {
    summary: 'a session\'s results as CSV or JSON',
    usage: 'live-polls results --session CODE [--format csv|json] [--output FILE] (or --sessions CODE,CODE,…)',
    help: `Reads the results from the database (POLL_DB or DATABASE_URL) with the deck's polls (DECK_ENTRY, default
slides.md) naming questions and options. stdout (or FILE) carries only the data, the CSV's header row first;
the privacy note goes to stderr (JSON carries it as its privacy field). --sessions A,B compares sessions.`,
    run: () => import('./results.ts'),
  },
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map(name => name.length))
  return [
    'Usage: live-polls <command> [options]   (from the deck\'s folder)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'live-polls <command> --help tells more about each.',
  ].join('\n')
}

const [name, ...rest] = process.argv.slice(2)
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(overview())
}
else if (!Object.hasOwn(commands, name)) {
  console.error(`Unknown command "${name}".\n\n${overview()}`)
  process.exitCode = 2
}
else {
  const command = commands[name]!
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: ${command.usage}\n\n${command.help}`)
  }
  else {
    // Each command reads its own arguments from process.argv, as when it ran as a script of its own.
    process.argv.splice(2, 1)
    await command.run()
  }
}
