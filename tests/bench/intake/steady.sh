#!/usr/bin/env bash
# Steady state at full load (issue 16), compressed: retention must keep up with the intake.
# The store is given N finished executions (with their history) dated two days back, past
# RETENTION_DAYS_EXECUTIONS=1, as a day at full load would leave them; then the intake load
# runs at C=16 for MINUTES, one line a minute: req/s, p99, the old executions left, the
# database's size on disk (with its WAL) and the core's resident memory now. Steady means:
# the old ones go while requests are served, the file stops growing once their pages are
# free to reuse, and memory stays flat.
# Usage: tests/bench/intake/steady.sh [build dir] [N, default 500000] [MINUTES, default 6]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../../build}" && pwd)"
n="${2:-500000}"
minutes="${3:-6}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap intake_cleanup EXIT
intake_require wrk sqlite3
db="$work/data/switchboard.db"

intake_start_sim
intake_env power
echo "RETENTION_DAYS_EXECUTIONS=1" >>"$work/bench.env"
intake_start_core
intake_once
kill -TERM "$core"
wait "$core" 2>/dev/null || true

start="$(date +%s.%N)"
two_days=$((2 * 24 * 3600 * 1000))
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE one AS SELECT * FROM executions WHERE status = 'completed' LIMIT 1;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
INSERT INTO executions (id, workflow_id, version, status, trace_id, input, state, output,
                        error, created_at, updated_at, finished_at, origin)
  SELECT 'old_' || i, workflow_id, version, status, trace_id, input, state, output, error,
         created_at - $two_days, updated_at - $two_days, finished_at - $two_days, origin
  FROM n, one;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
INSERT INTO execution_events
  SELECT 'old_' || i, e.seq, e.ts - $two_days, e.type, e.node, e.attempt, e.data
  FROM n, execution_events e WHERE e.execution_id = (SELECT id FROM one);
COMMIT;
SQL
printf "  seeded %d finished executions two days old in %.0f s; the file is %s MiB\n" "$n" \
  "$(echo "$(date +%s.%N) - $start" | bc)" "$(( $(stat -c %s "$db") / 1048576 ))"

intake_start_core
intake_once
old() { sqlite3 "file:$db?mode=ro" "SELECT COUNT(*) FROM executions WHERE id LIKE 'old\_%' ESCAPE '\\'"; }
size_mib() { echo $(( ($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)) / 1048576 )); }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$core/status"; }
printf "  %-8s %8s %9s %10s %9s %8s\n" minute "req/s" "p99 ms" "old left" "file MiB" "RSS MiB"
for m in $(seq 1 "$minutes"); do
  intake_measure 16 60
  printf "  %-8s %8.0f %9s %10s %9s %8s\n" "$m" "$rps" "$p99" "$(old)" "$(size_mib)" "$(rss_mib)"
done
