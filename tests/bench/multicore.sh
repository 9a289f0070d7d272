#!/bin/bash
# Durable step transitions per second with 1, 2 and 3 cores sharing one PostgreSQL server on
# this machine: each core is a bench_engine process (the engine, a module client that answers
# at once) running its share of the executions; the figure is every core's transitions over the
# wall-clock time from the first start to the last end.
#
#   tests/bench/multicore.sh [build-dir] [executions per core]
#
# Needs Debian's postgresql (initdb, pg_ctl); starts its own server in a temporary folder with
# the server's defaults (fsync and synchronous_commit on), and stops it at the end.
set -euo pipefail
build="${1:-build}"
per_core="${2:-3000}"
bench="$(realpath "$build")/bench/bench_engine"
[ -x "$bench" ] || { echo "no $bench: build the bench target first" >&2; exit 1; }
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
work="$(mktemp -d)"
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
fi
port=$((20000 + RANDOM % 20000))
cleanup() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -U switchboard --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=50" start >/dev/null

for cores in 1 2 3; do
    db="cores$cores"
    "${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U switchboard "$db"
    url="postgresql://switchboard@127.0.0.1:$port/$db"
    # The first core sets the store up and publishes the workflow, with one execution.
    "$bench" steps --store "$url" --executions 1 >/dev/null
    start=$(date +%s%N)
    pids=()
    for n in $(seq 1 "$cores"); do
        "$bench" steps --store "$url" --share "core$n" --join --executions "$per_core" \
            >"$work/out$n" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    end=$(date +%s%N)
    events=$("${as_pg[@]}" "$pgbin/psql" -h 127.0.0.1 -p "$port" -U switchboard -d "$db" -tAc \
        "SELECT COUNT(*) FROM execution_events")
    ms=$(( (end - start) / 1000000 ))
    echo "$cores core(s): $((cores * per_core)) executions, $events transitions in $ms ms =" \
        "$(( events * 1000 / ms )) transitions/s"
done
