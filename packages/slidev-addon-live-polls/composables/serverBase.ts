/**
 * Where the poll server is for a page served at `<base><app>/`: this page's own origin and base path. The
 * origin is written out so that a crafted address (`//evil.example/console/`) can never make the page send its
 * requests, and the presenter token with them, to another host.
 */
export function serverBase(app: 'vote' | 'console'): string {
  const path = location.pathname.slice(0, location.pathname.lastIndexOf(`/${app}`) + 1)
  return `${location.origin}/${path.replace(/^\/+/, '')}`
}
