#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and CI, in a temp dir on a random free port, tuned for speed
# over durability (fsync off). Prints shell exports: eval "$(scripts/pg-up.sh)"; stop with scripts/pg-down.sh.
# As root, initdb refuses to run, so the server runs as the `postgres` OS user (or nobody).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "pg-up: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
PG_TMP=$(mktemp -d /tmp/plumb-pg.XXXXXX)
PORT=${PGPORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
AS=()
if [ "$(id -u)" = 0 ]; then
  OSUSER=${PG_OS_USER:-postgres}
  id "$OSUSER" >/dev/null 2>&1 || OSUSER=nobody
  chown "$OSUSER" "$PG_TMP"
  AS=(runuser -u "$OSUSER" --)
fi
"${AS[@]}" "$PGBIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_TMP/initdb.log" 2>&1 \
  || { cat "$PG_TMP/initdb.log" >&2; exit 1; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 30 \
  -o "-p $PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$PG_TMP/server.log" >&2; exit 1; }
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qAtc 'CREATE DATABASE plumb' >/dev/null
echo "export PG_TMP=$PG_TMP DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/plumb"
