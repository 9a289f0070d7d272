#!/usr/bin/env bash
# The intake benchmark side by side with Node-RED, in the same run: one switchboard-sim plays
# modules 02, 05 and 09 for both; switchboard-core runs the contract's workflow and Node-RED 4
# runs the same workflow as a flow (nodered-flow.json: http in → route → http request →
# audit → http request → http response, keep-alive on, every module answer checked). For
# each C in 1, 16 and 64, both are warmed up and measured one after the other with the same
# wrk script, which checks every reply.
# Node-RED is installed with npm into NODERED_DIR (default ~/.cache/switchboard-bench) on the
# first run; Node-RED 4 runs on Debian 12's Node 20 (Node-RED 5 needs Node 22).
# Usage: tests/bench/intake/nodered.sh [build dir] [durability: power|process]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../../build}" && pwd)"
durability="${2:-power}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap intake_cleanup EXIT
intake_require wrk curl npm node

nodered_dir="${NODERED_DIR:-$HOME/.cache/switchboard-bench}"
nodered="$nodered_dir/node_modules/.bin/node-red"
if [ ! -x "$nodered" ]; then
  mkdir -p "$nodered_dir"
  (cd "$nodered_dir" && npm install --no-audit --no-fund node-red@4 >/dev/null)
fi

intake_start_sim
intake_env "$durability"
intake_start_core
intake_once
sb_core=$core sb_url=$url

# Node-RED with its own user folder, the flow, and the modules' URLs in its environment.
mkdir -p "$work/nodered"
cp "$here/nodered-flow.json" "$work/nodered/flows.json"
nr_port=$((base + 900))
MODULE_02="http://127.0.0.1:$((base + 2))/webhook/consult-booking" \
  MODULE_05="http://127.0.0.1:$((base + 5))/webhook/followup-campaign" \
  MODULE_09="http://127.0.0.1:$((base + 9))/webhook/aigent-audit-log" \
  "$nodered" --userDir "$work/nodered" --port "$nr_port" flows.json >"$work/nodered.log" 2>&1 &
nr_core=$!
intake_pids+=("$nr_core")
nr_url="http://127.0.0.1:$nr_port"
for _ in $(seq 1 300); do grep -q "Started flows" "$work/nodered.log" && break; sleep 0.1; done
core=$nr_core url=$nr_url
intake_once

printf "%-12s %-6s %10s %9s %9s %6s %12s %10s\n" engine conns "req/s" "p50 ms" "p99 ms" bad \
  "CPU µs/req" "RSS MiB"
for c in 1 16 64; do
  for engine in switchboard node-red; do
    if [ "$engine" = switchboard ]; then core=$sb_core url=$sb_url; else core=$nr_core url=$nr_url; fi
    wrk -t1 -c"$c" -d5s -s "$here/intake.lua" "$url" >/dev/null
    intake_measure "$c" 20
    printf "%-12s %-6s %10.0f %9s %9s %6s %12s %10s\n" "$engine" "$c" "$rps" "$p50" "$p99" "$bad" \
      "$cpu_us" "$(intake_rss_mib)"
  done
done
