#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# The example servers beside their yardsticks, and prints the Markdown tables of RESULTS.md ("Example servers"):
#   - ./jasyncio redis-server (1 loop) and a real redis-server (--save '' --appendonly no) under
#     redis-benchmark -t ping,set,get -n 200000 -c 50 -q, without pipelining and with -P 16;
#   - ./jasyncio http-server (1 loop) and raw Netty's HTTP hello-world (./jasyncio netty-http-server, 1 event loop)
#     under wrk -t1 -c50 -d10s.
# Servers run on cpu 0 and clients on cpu 1 (taskset). Each server is warmed up first (JIT), then measured ROUNDS
# times (default 5), alternating with its yardstick; the tables give the median of the rounds, their range, the
# ratio of the medians (medians, because other work on a shared machine comes in bursts), and the server's CPU time
# per request (user + system from /proc/PID/stat around each run: less disturbed by other work than req/s).
# Takes about 8 minutes.
#
#   benchmarks/run-server-benchmarks.sh            needs redis-server, redis-benchmark, wrk (scripts/install-test-tools.sh)
#
# Raw outputs go to benchmarks/target/server-benchmarks/ (OUT= to change). Ports: 16379-16380, 18080-18081.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
OUT="${OUT:-$ROOT/benchmarks/target/server-benchmarks}"
ROUNDS="${ROUNDS:-5}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
mkdir -p "$OUT"
rm -f "$OUT"/redis-*.txt "$OUT"/wrk-*.txt

for tool in redis-server redis-benchmark wrk taskset; do
    command -v "$tool" >/dev/null || { echo "run-server-benchmarks: $tool is missing (scripts/install-test-tools.sh)" >&2; exit 2; }
done
"$ROOT/jasyncio" build
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

pids=()
declare -A pid_of
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# start NAME PORT COMMAND...: runs a server on the server cpu and waits until its port answers.
start() {
    local name="$1" port="$2"; shift 2
    taskset -c "$SERVER_CPU" "$@" > "$OUT/$name.log" 2>&1 &
    pids+=($!)
    pid_of[$name]=$! # taskset and ./jasyncio exec: this is the server's own process
    for _ in $(seq 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "run-server-benchmarks: $name did not start; see $OUT/$name.log" >&2
    exit 1
}

client() { taskset -c "$CLIENT_CPU" "$@"; }

# The CPU time a process has used (user + system, all its threads), in microseconds.
cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000000 / hz }' "/proc/$1/stat"; }

# redis-benchmark's -q line: "TEST rps".
rps_lines() { tr '\r' '\n' | sed -n 's/^\([A-Z_]*\): \([0-9.]*\) requests per second.*/\1 \2/p' | head -n 1; }

start jasyncio-redis 16380 "$ROOT/jasyncio" redis-server --port 16380
start redis 16379 redis-server --port 16379 --save '' --appendonly no --daemonize no
start jasyncio-http 18080 "$ROOT/jasyncio" http-server --port 18080
start netty-http 18081 "$ROOT/jasyncio" netty-http-server --port 18081

echo "warming up..." >&2
client redis-benchmark -p 16380 -t ping,set,get -n 200000 -c 50 -q > /dev/null 2>&1
client redis-benchmark -p 16380 -t ping,set,get -n 400000 -c 50 -P 16 -q > /dev/null 2>&1
client wrk -t1 -c50 -d5s http://127.0.0.1:18080/ > /dev/null
client wrk -t1 -c50 -d5s http://127.0.0.1:18081/ > /dev/null

: > "$OUT/redis.txt"
: > "$OUT/http.txt"
for round in $(seq "$ROUNDS"); do
    echo "round $round of $ROUNDS..." >&2
    for pipeline in 1 16; do
        for server in jasyncio-redis:16380 redis:16379; do
            name="${server%%:*}"
            for test in ping_inline ping_mbulk set get; do
                before=$(cpu_us "${pid_of[$name]}")
                result=$(client redis-benchmark -p "${server#*:}" -t "$test" -n 200000 -c 50 -P "$pipeline" -q 2>&1 \
                    | tee -a "$OUT/redis-$name-P$pipeline-$round.txt" | rps_lines)
                after=$(cpu_us "${pid_of[$name]}")
                echo "${name%-redis} $pipeline $round $result $(( (after - before) * 1000 / 200000 ))" >> "$OUT/redis.txt"
            done
        done
    done
    for server in jasyncio-http:18080 netty-http:18081; do
        name="${server%%:*}"
        before=$(cpu_us "${pid_of[$name]}")
        client wrk -t1 -c50 -d10s "http://127.0.0.1:${server#*:}/" > "$OUT/wrk-$name-$round.txt"
        after=$(cpu_us "${pid_of[$name]}")
        awk -v s="${name%-http}" -v r="$round" -v cpu=$((after - before)) '
            /Requests\/sec/ { rps = $2 } / requests in / { n = $1 } /Non-2xx/ { bad = $NF }
            /Latency/ { lat = $2 }
            END { print s, r, rps, n, (bad == "" ? 0 : bad), lat, cpu * 1000 / n }' "$OUT/wrk-$name-$round.txt" >> "$OUT/http.txt"
    done
done

# median and range of the values in v[key] (space-separated)
AWK_STATS='
function stats(list,   n, a, i, j, t, m) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    m = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    lo = a[1]; hi = a[n]
    return m
}'

echo
echo "redis-benchmark -t ping,set,get -n 200000 -c 50 -q, req/s: median of $ROUNDS rounds (min-max)"
echo
awk "$AWK_STATS"'
{ key = $4 " " $2; v[$1, key] = v[$1, key] " " $5; c[$1, key] = c[$1, key] " " $6
  if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
END {
    print "| test | pipeline | jasyncio redis-server | redis-server | ratio of medians | server CPU per request, jasyncio / redis |"
    print "| --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= n; i++) {
        k = order[i]; split(k, p, " ")
        mj = stats(v["jasyncio", k]); rj = sprintf("%.0f (%.0f-%.0f)", mj, lo, hi)
        mr = stats(v["redis", k]); rr = sprintf("%.0f (%.0f-%.0f)", mr, lo, hi)
        printf "| %s | %s | %s | %s | %.2f | %.2f / %.2f us |\n", p[1], (p[2] == 1 ? "none" : "-P " p[2]), rj, rr,
            mj / mr, stats(c["jasyncio", k]) / 1000, stats(c["redis", k]) / 1000
    }
}' "$OUT/redis.txt"
echo
echo "wrk -t1 -c50 -d10s /, req/s: median of $ROUNDS rounds (min-max)"
echo
awk "$AWK_STATS"'
{ v[$1] = v[$1] " " $3; bad[$1] += $5; cpu[$1] = cpu[$1] " " $7; lat[$1] = lat[$1] " " ($6 ~ /us$/ ? $6 / 1000 : ($6 ~ /ms$/ ? $6 + 0 : $6 * 1000)) }
END {
    print "| server | req/s | mean latency, ms (median) | server CPU per request (median) | non-2xx |"
    print "| --- | --- | --- | --- | --- |"
    mj = stats(v["jasyncio"]); rj = sprintf("%.0f (%.0f-%.0f)", mj, lo, hi)
    mn = stats(v["netty"]); rn = sprintf("%.0f (%.0f-%.0f)", mn, lo, hi)
    printf "| jasyncio http-server | %s | %.2f | %.2f us | %d |\n", rj, stats(lat["jasyncio"]),
        stats(cpu["jasyncio"]) / 1000, bad["jasyncio"]
    printf "| raw Netty (netty-codec-http) | %s | %.2f | %.2f us | %d |\n", rn, stats(lat["netty"]),
        stats(cpu["netty"]) / 1000, bad["netty"]
    printf "\nratio of medians, jasyncio / Netty: %.2f\n", mj / mn
}' "$OUT/http.txt"
echo
echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg); at the start: $LOAD_AT_START"
