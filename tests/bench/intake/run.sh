#!/usr/bin/env bash
# The intake benchmark (../shared/bench/intake): switchboard-core runs the contract's workflow
# behind its webhook; switchboard-sim plays modules 02, 05 and 09 on loopback; wrk drives it.
# For C = 1, 16 and 64 connections: a 5 s warm-up, then 20 s measured; every reply checked.
# Reports req/s, p50, p99, bad replies, the core's CPU time per request (from /proc/PID/stat)
# and its peak RSS (VmHWM).
# Usage: tests/bench/intake/run.sh [build dir] [durability: power|process]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
durability="${2:-power}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

base=$((20000 + RANDOM % 20000))
"$build/bin/switchboard-sim" --base-port "$base" --event-rate 0 >"$work/sim.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do grep -q "control on" "$work/sim.log" && break; sleep 0.1; done

{
  echo "DURABILITY=$durability"
  echo "RATE_LIMIT_GLOBAL_PER_MIN=10000000"
  echo "RATE_LIMIT_MODULE_PER_MIN=10000000"
  echo "BULKHEAD_MAX_CONCURRENT=256"
  echo "BULKHEAD_MAX_QUEUED=100000"
  echo "HEALTH_CHECK_INTERVAL_MS=1h"
  echo "MODULE_02_ENDPOINT=http://127.0.0.1:$((base + 2))/webhook/consult-booking"
  echo "MODULE_05_ENDPOINT=http://127.0.0.1:$((base + 5))/webhook/followup-campaign"
  echo "MODULE_09_ENDPOINT=http://127.0.0.1:$((base + 9))/webhook/aigent-audit-log"
  for m in 01_INTAKE 03_TELEHEALTH 04_BILLING 06_OCR 07_ANALYTICS 08_MESSAGING; do
    echo "ENABLED_$m=false"
  done
} >"$work/bench.env"
token="intake-bench-token-0123456789"
SWITCHBOARD_ADMIN_TOKEN="$token" QT_LOGGING_RULES="switchboard.*.info=false" \
  "$build/bin/switchboard-core" --listen 127.0.0.1:0 --data "$work/data" \
  --env-file "$work/bench.env" --workflow "$here/../../../../shared/bench/intake/workflow.json" \
  >"$work/core.out" 2>"$work/core.err" &
core=$!
pids+=($core)
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/core.out")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/core.err"; exit 1; }
url="http://127.0.0.1:$port"
reply="$(curl -fsS -X POST -H 'Content-Type: application/json' \
  -d '{"patient_id":"p-0","score":9}' "$url/hooks/intake")"
echo "$reply" | grep -q '"status":"done"' || { echo "the workflow did not answer: $reply" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$core/stat"; }
hz="$(getconf CLK_TCK)"
printf "%-6s %10s %9s %9s %6s %12s %10s\n" conns "req/s" "p50 ms" "p99 ms" bad "CPU µs/req" "RSS MiB"
for c in 1 16 64; do
  wrk -t1 -c"$c" -d5s -s "$here/intake.lua" "$url" >/dev/null
  before="$(cpu_ticks)"
  out="$(wrk -t1 -c"$c" -d20s --latency -s "$here/intake.lua" "$url")"
  after="$(cpu_ticks)"
  line="$(echo "$out" | grep '^CHECK')"
  rps="$(echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/')"
  p50="$(echo "$line" | sed 's/.*p50_us=\([0-9]*\).*/\1/')"
  p99="$(echo "$line" | sed 's/.*p99_us=\([0-9]*\).*/\1/')"
  bad="$(echo "$line" | sed 's/.*bad_replies=\([0-9]*\).*/\1/')"
  requests="$(echo "$rps * 20" | bc)"
  cpu_us="$(echo "($after - $before) * 1000000 / $hz / $requests" | bc)"
  rss="$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$core/status")"
  printf "%-6s %10.0f %9.2f %9.2f %6s %12s %10s\n" "$c" "$rps" "$(echo "$p50 / 1000" | bc -l)" \
    "$(echo "$p99 / 1000" | bc -l)" "$bad" "$cpu_us" "$rss"
done
