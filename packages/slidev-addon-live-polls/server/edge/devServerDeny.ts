// Vite's default server.fs.deny: setting the option replaces the list, so it is repeated here
// (devServerDeny.test.ts checks it against the installed Vite's).
export const viteDefaultDeny = [
  '.env',
  '.env.*',
  '*.{crt,pem,key,p12,pfx,cer,der}',
  '.npmrc',
  '.yarnrc.yml',
  '**/.git/**',
]

/** A path as a glob that matches only itself: picomatch's syntax characters escaped. */
const literal = (path: string): string => path.replace(/\\/g, '/').replace(/[*?!()[\]{}+@|]/g, '\\$&')

/**
 * What the dev server must never serve besides Vite's own list: the project's data folder, and the
 * database with its -wal, -shm and -journal files wherever POLL_DB puts it. Vite checks server.fs.deny
 * on every way it reads a file (static files, /@fs/, ?raw and other imports), after decoding the URL
 * and resolving `.` and `..`, so every spelling of these paths is refused.
 */
export function devServerDeny(dbPath: string, dataDir: string): string[] {
  return [
    `${literal(dataDir)}/**`,
    ...(dbPath === ':memory:'
      ? []
      : [`${literal(dbPath)}*`]),
  ]
}
