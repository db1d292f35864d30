// Public assets must follow the deck's base path, so a deck built under /workshop/ still finds them.
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL ?? '/'
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`
}
