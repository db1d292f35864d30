# Source this file (`. scripts/postgres.sh`) to make sure the PostgreSQL tests have a server. With
# TEST_DATABASE_URL set, that server is used as it is. Otherwise the local one on 127.0.0.1:5432 (user postgres):
# started if it is installed and stopped; installed from Debian's packages if missing, with a password for
# the postgres user, which TEST_DATABASE_URL then carries (a fresh Debian cluster asks for one over TCP).
if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt-get install -y postgresql postgresql-client
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
    su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
    export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres
  else
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
echo "PostgreSQL for the tests: ${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
