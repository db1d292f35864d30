# Source this file (`. scripts/postgres.sh`) to make sure the PostgreSQL tests have a server. With
# TEST_DATABASE_URL set, that server is used as it is. Otherwise the local one on 127.0.0.1:5432 (user postgres):
# started if it is installed and stopped; installed from Debian's packages if missing, with a password for
# the postgres user, which TEST_DATABASE_URL then carries (a fresh Debian cluster asks for one over TCP;
# sourced again in a later shell, this finds that password works and exports it again). Uses sudo unless
# run as root.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ "$(id -u)" = 0 ]; then live_polls_sudo=""; else live_polls_sudo="sudo"; fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      $live_polls_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-client
      $live_polls_sudo pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
      $live_polls_sudo su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
    else
      $live_polls_sudo pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
    fi
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # Trust on loopback (as on our machines) needs no password; a cluster set up above asks for the one it set.
  if ! psql -w -qAt postgres://postgres@127.0.0.1:5432/postgres -c 'select 1' >/dev/null 2>&1 \
    && psql -w -qAt postgres://postgres:postgres@127.0.0.1:5432/postgres -c 'select 1' >/dev/null 2>&1; then
    export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres
  fi
  unset live_polls_sudo
fi
echo "PostgreSQL for the tests: ${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
