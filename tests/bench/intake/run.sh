#!/usr/bin/env bash
# The intake benchmark (../shared/bench/intake): switchboard-core runs the contract's workflow
# behind its webhook; switchboard-sim plays modules 02, 05 and 09 on loopback; wrk drives it.
# For C = 1, 16 and 64 connections: a 5 s warm-up, then 20 s measured; every reply checked.
# Reports req/s, p50, p99, bad replies, the core's CPU time per request (from /proc/PID/stat)
# and its peak RSS (VmHWM).
# Usage: tests/bench/intake/run.sh [build dir] [durability: power|process]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../../build}" && pwd)"
durability="${2:-power}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap intake_cleanup EXIT
intake_require wrk

intake_start_sim
intake_env "$durability"
intake_start_core
intake_once

printf "%-6s %10s %9s %9s %6s %12s %10s\n" conns "req/s" "p50 ms" "p99 ms" bad "CPU µs/req" "RSS MiB"
for c in 1 16 64; do
  wrk -t1 -c"$c" -d5s -s "$here/intake.lua" "$url" >/dev/null
  intake_measure "$c" 20
  printf "%-6s %10.0f %9s %9s %6s %12s %10s\n" "$c" "$rps" "$p50" "$p99" "$bad" "$cpu_us" \
    "$(intake_rss_mib)"
done
