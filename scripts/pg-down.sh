#!/usr/bin/env bash
# Stops the cluster pg-up.sh started (fast shutdown) and deletes its directory. Safe to call twice.
set -u
[ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ] || exit 0
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -f "$PG_TMP/data/postmaster.pid" ]; then
  PID=$(head -1 "$PG_TMP/data/postmaster.pid")
  AS=()
  [ "$(id -u)" = 0 ] && AS=(runuser -u "$(stat -c %U "$PG_TMP/data")" --)
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 20 stop >/dev/null 2>&1 || kill -INT "$PID" 2>/dev/null || true
fi
rm -rf "$PG_TMP"
