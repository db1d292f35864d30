# Source this file (`. scripts/setup-test-machine.sh`, after `. scripts/node24.sh`) to give a Debian
# machine (12 or later) everything `npm test` needs, installing only what is missing (with sudo unless
# run as root): Chromium, poppler-utils (pdftotext), the emoji font, HAProxy, reuse and the PostgreSQL
# client from Debian's packages; a PostgreSQL server for the tests (scripts/postgres.sh, which exports
# TEST_DATABASE_URL when the server needs a password: hence sourced); then `npm ci` when node_modules is
# missing or older than package-lock.json, without Playwright's browser download (the tests drive
# Debian's Chromium). The README's second command and .ci/run use it. On another system it says what to install.
live_polls_setup() {
  local root packages missing=() p sudo=""
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  packages=(chromium poppler-utils fonts-noto-color-emoji haproxy postgresql-client reuse)
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Not a Debian machine: install Chromium, pdftotext, the Noto Color Emoji font, HAProxy, reuse and a PostgreSQL server yourself (npm test checks each first)." >&2
    return 1
  fi
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || return 1
  fi
  . "$root/scripts/postgres.sh" || return 1
  if [ ! "$root/node_modules/.package-lock.json" -nt "$root/package-lock.json" ]; then
    (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) || return 1
  fi
}
live_polls_setup
live_polls_setup_status=$?
unset -f live_polls_setup
[ "$live_polls_setup_status" = 0 ]
