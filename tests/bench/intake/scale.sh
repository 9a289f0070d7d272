#!/usr/bin/env bash
# The intake benchmark at scale (issue 16): the same workflow and load as run.sh, measured on an
# empty store and again with N executions waiting on timers and N open review tasks; then the
# restart with all of them, and BURST timers coming due at once under load.
# Reports: intake req/s, p99 and CPU per request on both stores; how long seeding took; peak RSS;
# the time from the restart to the first answered intake request; the longest reply and p99
# while the burst comes due, and how long the burst took to finish.
# Usage: tests/bench/intake/scale.sh [build dir] [N, default 100000] [BURST, default 10000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../../build}" && pwd)"
n="${2:-100000}"
burst="${3:-10000}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap intake_cleanup EXIT
intake_require wrk ab sqlite3
seeds=(--workflow "$here/seed-wait.json" --workflow "$here/seed-review.json")
db="$work/data/switchboard.db"
count() { sqlite3 "file:$db?mode=ro" "$1"; }
# seed PATH BODY COUNT: COUNT webhook calls, 16 at a time, kept alive; prints the rate.
seed() {
  echo "$2" >"$work/seed.json"
  local start end
  start="$(date +%s.%N)"
  ab -q -n "$3" -c 16 -k -p "$work/seed.json" -T application/json "$url/hooks/$1" \
    | grep -E "^(Failed|Non-2xx)" || true
  end="$(date +%s.%N)"
  printf "  seeded %d %s in %.1f s (%.0f/s)\n" "$3" "$1" "$(echo "$end - $start" | bc)" \
    "$(echo "$3 / ($end - $start)" | bc -l)"
}
report() {
  printf "  %-34s %8.0f req/s  p99 %6s ms  max %7s ms  %5s µs CPU/req  bad %s\n" "$1" "$rps" \
    "$p99" "$max_ms" "$cpu_us" "$bad"
}

intake_start_sim
intake_env power
intake_start_core "${seeds[@]}"
intake_once
wrk -t1 -c16 -d5s -s "$here/intake.lua" "$url" >/dev/null
intake_measure 16 20
empty_rps="$rps"
report "empty store, C=16" 

far="$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%S.000Z)"
seed seed-wait "{\"at\":\"$far\"}" "$n"
seed seed-review '{"n":1}' "$n"
echo "  timers: $(count "SELECT COUNT(*) FROM timers"), open tasks: $(count \
  "SELECT COUNT(*) FROM tasks WHERE status IN ('pending', 'claimed', 'escalated')")"
wrk -t1 -c16 -d5s -s "$here/intake.lua" "$url" >/dev/null
intake_measure 16 20
report "$n timers + $n tasks, C=16"
printf "  throughput with them: %.1f %% of the empty store's; peak RSS %s MiB\n" \
  "$(echo "$rps * 100 / $empty_rps" | bc -l)" "$(intake_rss_mib)"

kill -TERM "$core"
wait "$core" 2>/dev/null || true
start="$(date +%s%N)"
intake_start_core "${seeds[@]}"
intake_once
printf "  restart with them: first intake answer %d ms after the start\n" \
  "$(( ($(date +%s%N) - start) / 1000000 ))"

# The same light load first without a burst, to compare with.
intake_measure 4 15
report "no timers due, C=4"
# BURST executions waiting until one moment, seeded well before it; the load runs across it.
lead=$(( burst / 500 + 10 ))
at="$(date -u -d "+$lead seconds" +%Y-%m-%dT%H:%M:%S.000Z)"
seed seed-wait "{\"at\":\"$at\"}" "$burst"
left=$(( $(date -d "$at" +%s) - $(date +%s) ))
[ "$left" -gt 2 ] || { echo "seeding the burst took too long; give it a longer lead" >&2; exit 1; }
done_before="$(count "SELECT COUNT(*) FROM executions WHERE workflow_id = 'scale-seed-wait' AND status = 'completed'")"
intake_measure 4 $(( left + 15 ))
report "$burst timers due at once, C=4"
done_after="$(count "SELECT COUNT(*) FROM executions WHERE workflow_id = 'scale-seed-wait' AND status = 'completed'")"
last="$(count "SELECT (MAX(finished_at) - MIN(finished_at)) FROM executions WHERE workflow_id = 'scale-seed-wait' AND status = 'completed'")"
echo "  the burst: $(( done_after - done_before )) of $burst finished, within ${last} ms"
