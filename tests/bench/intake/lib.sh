# Shared by the intake benchmarks (run.sh, scale.sh, steady.sh): switchboard-sim as modules 02,
# 05 and 09, switchboard-core behind them with the contract's workflow, and one wrk measurement.
# Expects $build (the build directory) and $work (a scratch directory); sets $base, $core, $url.
intake_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
intake_workflow="$intake_here/../../../../shared/bench/intake/workflow.json"
intake_token="intake-bench-token-0123456789"
intake_pids=()
intake_cleanup() {
  for p in "${intake_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}

# intake_require TOOL...: stops with a message naming the first one missing.
intake_require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (see the script's first lines)" >&2; exit 1; }
  done
}

intake_start_sim() {
  base=$((20000 + RANDOM % 20000))
  "$build/bin/switchboard-sim" --base-port "$base" --event-rate 0 >"$work/sim.log" 2>&1 &
  intake_pids+=($!)
  for _ in $(seq 1 50); do grep -q "control on" "$work/sim.log" && break; sleep 0.1; done
}

# intake_env DURABILITY: the core's settings file.
intake_env() {
  {
    echo "DURABILITY=$1"
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
}

# intake_start_core [--workflow FILE]...: starts the core on $work/data; sets $core and $url
# once it listens.
intake_start_core() {
  : >"$work/core.out"
  SWITCHBOARD_ADMIN_TOKEN="$intake_token" QT_LOGGING_RULES="switchboard.*.info=false" \
    "$build/bin/switchboard-core" --listen 127.0.0.1:0 --data "$work/data" \
    --env-file "$work/bench.env" --workflow "$intake_workflow" "$@" \
    >"$work/core.out" 2>"$work/core.err" &
  core=$!
  intake_pids+=($core)
  local port=""
  for _ in $(seq 1 600); do
    port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/core.out")"
    [ -n "$port" ] && break
    sleep 0.01
  done
  [ -n "$port" ] || { cat "$work/core.err" >&2; return 1; }
  url="http://127.0.0.1:$port"
}

# One intake request, checked.
intake_once() {
  local reply
  reply="$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d '{"patient_id":"p-0","score":9}' "$url/hooks/intake")"
  echo "$reply" | grep -q '"status":"done"' || { echo "the workflow did not answer: $reply" >&2; return 1; }
}

# intake_measure CONNECTIONS SECONDS: wrk with every reply checked; sets rps, p50, p99, max_ms,
# bad and cpu_us (the core's CPU per request).
intake_measure() {
  local c="$1" seconds="$2" before after line out requests hz
  hz="$(getconf CLK_TCK)"
  before="$(awk '{print $14 + $15}' "/proc/$core/stat")"
  out="$(wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$intake_here/intake.lua" "$url")"
  after="$(awk '{print $14 + $15}' "/proc/$core/stat")"
  line="$(echo "$out" | grep '^CHECK')"
  rps="$(echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/')"
  p50="$(echo "$line" | sed 's/.*p50_us=\([0-9]*\).*/\1/' | awk '{printf "%.2f", $1 / 1000}')"
  p99="$(echo "$line" | sed 's/.*p99_us=\([0-9]*\).*/\1/' | awk '{printf "%.2f", $1 / 1000}')"
  max_ms="$(echo "$line" | sed 's/.*max_us=\([0-9]*\).*/\1/' | awk '{printf "%.1f", $1 / 1000}')"
  bad="$(echo "$line" | sed 's/.*bad_replies=\([0-9]*\).*/\1/')"
  requests="$(echo "$rps * $seconds" | bc)"
  cpu_us="$(echo "($after - $before) * 1000000 / $hz / $requests" | bc)"
}

intake_rss_mib() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$core/status"; }
