#!/usr/bin/env bash
# The intake benchmark counted in instructions, which do not depend on how busy or fast the
# machine is: switchboard-core runs under callgrind behind switchboard-sim, one request warms
# it up, then ab sends N requests (4 at a time, kept alive) and the instructions the core
# executed for them are printed (divide by N for one request). Needs valgrind and ab
# (apache2-utils).
# Usage: tests/bench/intake/instructions.sh <build dir> [N, default 500]
# KEEP_PROFILE=<file> keeps the callgrind profile of the N requests (for callgrind_annotate).
set -euo pipefail
build="$(cd "${1:?build dir}" && pwd)"; n="${2:-500}"
workflow="$(cd "$(dirname "$0")/../../../.." && pwd)/shared/bench/intake/workflow.json"
work="$(mktemp -d)"
base=$((20000 + RANDOM % 20000))
core=""
trap 'kill $core $sim 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/bin/switchboard-sim" --base-port "$base" --event-rate 0 >"$work/sim.log" 2>&1 & sim=$!
for _ in $(seq 1 50); do grep -q "control on" "$work/sim.log" && break; sleep 0.1; done
{
  echo "DURABILITY=power"; echo "RATE_LIMIT_GLOBAL_PER_MIN=10000000"; echo "RATE_LIMIT_MODULE_PER_MIN=10000000"
  echo "BULKHEAD_MAX_CONCURRENT=256"; echo "BULKHEAD_MAX_QUEUED=100000"; echo "HEALTH_CHECK_INTERVAL_MS=1h"
  echo "MODULE_02_ENDPOINT=http://127.0.0.1:$((base + 2))/webhook/consult-booking"
  echo "MODULE_05_ENDPOINT=http://127.0.0.1:$((base + 5))/webhook/followup-campaign"
  echo "MODULE_09_ENDPOINT=http://127.0.0.1:$((base + 9))/webhook/aigent-audit-log"
  for m in 01_INTAKE 03_TELEHEALTH 04_BILLING 06_OCR 07_ANALYTICS 08_MESSAGING; do echo "ENABLED_$m=false"; done
} >"$work/bench.env"
SWITCHBOARD_ADMIN_TOKEN=intake-bench-token-0123456789 QT_LOGGING_RULES="switchboard.*.info=false" \
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" --collect-atstart=yes \
  "$build/bin/switchboard-core" --listen 127.0.0.1:0 --data "$work/data" --env-file "$work/bench.env" \
  --workflow "$workflow" >"$work/core.out" 2>"$work/core.err" & core=$!
port=""
for _ in $(seq 1 1800); do port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/core.out")"; [ -n "$port" ] && break; sleep 0.1; done
echo '{"patient_id":"p-1","score":9}' > "$work/body.json"
curl -s -X POST -H 'Content-Type: application/json' -d @"$work/body.json" "http://127.0.0.1:$port/hooks/intake" >/dev/null
callgrind_control -z "$core" >/dev/null
ab -q -n "$n" -c 4 -k -p "$work/body.json" -T application/json "http://127.0.0.1:$port/hooks/intake" | grep -E "Complete requests|Failed requests|Non-2xx"
callgrind_control -d "$core" >/dev/null
sleep 2
kill "$core" "$sim" || true; wait "$core" || true

callgrind_annotate "$work/cg.out.1" 2>/dev/null | grep "PROGRAM TOTALS"
[ -z "${KEEP_PROFILE:-}" ] || cp "$work/cg.out.1" "$KEEP_PROFILE"
