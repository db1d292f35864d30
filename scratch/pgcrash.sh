mkdir -p /tmp/pgcrash-dist; echo "<html><title>deck</title></html>" > /tmp/pgcrash-dist/index.html
for i in $(seq 1 12); do
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS manualtest WITH (FORCE)" -qc "CREATE DATABASE manualtest" 2>/dev/null
DECK_DIST=/tmp/pgcrash-dist DATABASE_URL=postgres://postgres@127.0.0.1/manualtest PORT=4100 HOST=127.0.0.1 PRESENTER_TOKEN=presenter-token-x node --import tsx packages/slidev-addon-live-polls/server/main.ts > /tmp/srv.log 2>&1 &
pid=$!
for t in $(seq 50); do curl -s localhost:4100/api/health >/dev/null && break; sleep 0.1; done
curl -s -XPOST -H 'content-type: application/json' -d '{"participant":"abcdefgh1","answer":"formal"}' localhost:4100/api/polls/has-ospo/votes >/dev/null
psql -h 127.0.0.1 -U postgres -d manualtest -qc "ALTER DATABASE manualtest SET default_transaction_read_only = on" -qc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" >/dev/null
curl -s -XPOST -H 'content-type: application/json' -d '{"participant":"abcdefgh2","answer":"formal"}' localhost:4100/api/polls/has-ospo/votes >/dev/null
curl -s localhost:4100/api/health > /dev/null
sleep 0.3
if ! kill -0 $pid 2>/dev/null; then echo "DIED $i"; grep -v "▄\|▀\|█" /tmp/srv.log | tail -30; break; fi
kill $pid; wait $pid 2>/dev/null
done
echo end
