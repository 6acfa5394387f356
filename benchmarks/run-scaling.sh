#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# How a LoopGroup echo server scales with its loops: for each N of --loops, `./jasyncio echo-server --loops N` (one
# loop accepts and spreads the connections, or with --mode reuseport each loop accepts on its own SO_REUSEPORT socket)
# is driven by `./jasyncio load` (closed-loop ping-pong, its own JVM and loops) with enough connections to keep every
# loop busy, and the table gives req/s, the speed-up over the first N, and the server's CPU split: each loop thread's
# CPU (from /proc/PID/task/TID/stat), the rest of the JVM (GC, JIT), the client's.
#
#   benchmarks/run-scaling.sh                          loops 1,2,4,... up to half the cores (at least 1,2), both modes
#   benchmarks/run-scaling.sh --loops 1,2,4,8,16 --mode reuseport
#   options: --loops LIST  --mode acceptor|reuseport|both  --api protocol|buffered|streams  --transport epoll|io_uring|nio
#            --size BYTES (1024)  --conns-per-loop C (32)  --duration S (5)  --warmup S (3)  --no-pin
#            --table FILE.jsonl   only print the table of an earlier run
#
# Cores: with at least 2N cores, the server runs on cores 0..N-1 and the client on the others (taskset), with as
# many client loops as it has cores, at most 2N; with fewer cores, neither is pinned and the two share the machine
# (the table says "shared"): on a 2-core machine, 1 loop is measured pinned (server core 0, client core 1) and 2 loops
# shared, which measures the machine more than the scaling. The CPU split: every thread's utime + stime is sampled
# four times a second; the split is taken over the last three quarters of the measured window (100 % = one core),
# the server's total CPU and CPU per request over the whole window by the load tool (--server-pid).
# Raw results (one JSON object per run) go to benchmarks/target/scaling/ (OUT= to change); the Markdown table is
# printed at the end. Needs the JDK and Maven that ./jasyncio finds, /usr/bin/python3, taskset.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
PY=/usr/bin/python3
OUT="${OUT:-$ROOT/benchmarks/target/scaling}"
CORES="$(nproc)"
LOOPS=""
MODES="acceptor,reuseport"
API=protocol
TRANSPORT=""
SIZE=1024
PER_LOOP=32
DURATION=5 WARMUP=3
PIN=1
TABLE_ONLY=""

while [ $# -gt 0 ]; do
    case "$1" in
        --loops) LOOPS="$2"; shift ;;
        --mode) case "$2" in both) MODES="acceptor,reuseport" ;; acceptor|reuseport) MODES="$2" ;;
                *) echo "run-scaling: --mode must be acceptor, reuseport or both, not $2" >&2; exit 2 ;; esac
                shift ;;
        --api) API="$2"; shift ;;
        --transport) TRANSPORT="$2"; shift ;;
        --size) SIZE="$2"; shift ;;
        --conns-per-loop) PER_LOOP="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --no-pin) PIN=0 ;;
        --table) TABLE_ONLY="$2"; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 6' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-scaling: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

if [ -z "$LOOPS" ]; then # 1, 2, 4, ... while the client keeps as many cores as the server; at least 1,2
    LOOPS=1; n=2
    while [ "$n" -le 2 ] || [ $((2 * n)) -le "$CORES" ]; do LOOPS="$LOOPS,$n"; n=$((2 * n)); done
fi

# Prints the Markdown table of a results file (JSON lines).
table() {
    "$PY" - "$1" <<'PYEOF'
import json, sys
rows, meta = [], []
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("{"):
        rows.append(json.loads(line))
    elif line.startswith("#"):
        meta.append(line)
for m in meta:
    print(m)
print()
print("| accept | loops | conns | server cores | client cores (loops) | req/s | req/s per loop | speed-up"
      " | server CPU % | each loop thread CPU % | rest of the JVM CPU % | server CPU us/req | client CPU % | p99 us |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
base = {}
for r in rows:
    base.setdefault(r["accept"], r["rps"])
for r in rows:
    loops = r["cpu_split"]["loops"]
    each = " / ".join(f"{x:.0f}" for x in loops)
    rest = r["cpu_split"]["process"] - sum(loops)
    print(f"| {r['accept']} | {r['server_loops']} | {r['connections']} | {r['server_cores']}"
          f" | {r['client_cores']} ({r['client_loops']}) | {r['rps']:,.0f} | {r['rps'] / r['server_loops']:,.0f}"
          f" | {r['rps'] / base[r['accept']]:.2f}x | {r['server_cpu_pct']:.0f} | {each} | {max(rest, 0):.0f}"
          f" | {r['server_cpu_us_per_req']:.2f} | {r['client_cpu_pct']:.0f} | {r['latency_us']['p99']:,.0f} |")
modes = sorted({r["accept"] for r in rows})
if len(modes) == 2:
    index = {(r["accept"], r["server_loops"]): r for r in rows}
    points = sorted({n for (m, n) in index if ("acceptor", n) in index and ("reuseport", n) in index})
    if points:
        print()
        print("SO_REUSEPORT (a socket per loop) / one acceptor, same loops:")
        print()
        print("| loops | req/s ratio | server CPU us/req ratio |")
        print("| --- | --- | --- |")
        for n in points:
            a, b = index[("reuseport", n)], index[("acceptor", n)]
            print(f"| {n} | {a['rps'] / b['rps']:.2f}x"
                  f" | {a['server_cpu_us_per_req'] / b['server_cpu_us_per_req']:.2f}x |")
PYEOF
}

if [ -n "$TABLE_ONLY" ]; then
    table "$TABLE_ONLY"
    exit 0
fi

# Samples every thread of a process four times a second until killed: one JSON line each, the time and each
# thread's "tid": [comm, utime + stime in clock ticks], "total" for the process.
sampler() {
    "$PY" - "$1" "$2" <<'PYEOF'
import glob, json, sys, time
pid, out = sys.argv[1], open(sys.argv[2], "w", buffering=1)
def ticks(path):
    with open(path) as f:
        text = f.read()
    comm = text[text.index("(") + 1:text.rindex(")")]
    fields = text[text.rindex(")") + 2:].split()
    return comm, int(fields[11]) + int(fields[12])
while True:
    sample = {"t": time.time(), "threads": {}}
    try:
        for path in glob.glob(f"/proc/{pid}/task/*/stat"):
            try:
                sample["threads"][path.split("/")[4]] = ticks(path)
            except (OSError, ValueError):
                pass
        sample["total"] = ticks(f"/proc/{pid}/stat")[1]
    except (OSError, ValueError):
        break
    out.write(json.dumps(sample) + "\n")
    time.sleep(0.25)
PYEOF
}

# The CPU split over a window inside the steady state: from 0.3 s before the load tool ended back over three
# quarters of the measured time (the warm-up went before it). Prints {"loops": [% each], "jvm": %} from the samples.
split() {
    "$PY" - "$1" "$2" "$3" <<'PYEOF'
import json, os, sys
samples = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
end_t, duration = float(sys.argv[2]) - 0.3, float(sys.argv[3])
start_t = end_t - 0.75 * duration
before = min(samples, key=lambda s: abs(s["t"] - start_t))
after = min(samples, key=lambda s: abs(s["t"] - end_t))
hz = os.sysconf("SC_CLK_TCK")
span = after["t"] - before["t"]
def pct(d):
    return round(100.0 * d / hz / span, 1) if span > 0 else 0.0
loops = sorted((pct(after["threads"][tid][1] - before["threads"][tid][1])
                for tid, (comm, _) in after["threads"].items()
                if comm.startswith("jasyncio-loop") and tid in before["threads"]), reverse=True)
print(json.dumps({"loops": loops, "process": pct(after["total"] - before["total"]), "window_s": round(span, 2)}))
PYEOF
}

mkdir -p "$OUT"
"$ROOT/jasyncio" build
RESULTS="$OUT/$(date +%Y%m%d-%H%M%S).jsonl"
SRV_PID=""
cleanup() {
    if [ -n "${SAMPLER_PID:-}" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    if [ -n "$SRV_PID" ]; then kill -TERM -- -"$SRV_PID" 2>/dev/null || true; wait "$SRV_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM
SAMPLER_PID=""
{
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) $CORES CPUs, $(uname -r), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# JDK $(cat "$ROOT/.jasyncio/build.stamp"); echo-server --api $API${TRANSPORT:+ --transport $TRANSPORT}," \
        "$SIZE B messages, $PER_LOOP connections per loop (10 at least), ${WARMUP} s warm-up + ${DURATION} s measured"
    echo "# CPU %: 100 = one core; server CPU % and us/req over the measured window (load --server-pid); the split" \
        "(each loop thread, the rest of the JVM) from /proc/PID/task/*/stat over 3/4 of it"
} > "$RESULTS"

port=$((28000 + RANDOM % 2000))
IFS=',' read -r -a LOOP_LIST <<< "$LOOPS"
IFS=',' read -r -a MODE_LIST <<< "$MODES"
for mode in "${MODE_LIST[@]}"; do
    for n in "${LOOP_LIST[@]}"; do
        port=$((port + 1))
        conns=$((n * PER_LOOP)); [ "$conns" -ge 10 ] || conns=10
        SERVER_PFX=() CLIENT_PFX=() server_cores=shared client_cores=shared client_loops=$n
        if [ "$PIN" = 1 ] && [ "$CORES" -ge $((2 * n)) ]; then
            server_cores="0-$((n - 1))"; client_cores="$n-$((CORES - 1))"
            client_loops=$((CORES - n)); [ "$client_loops" -le $((2 * n)) ] || client_loops=$((2 * n))
            SERVER_PFX=(taskset -c "$server_cores"); CLIENT_PFX=(taskset -c "$client_cores")
        fi
        flags=(--port "$port" --api "$API" --loops "$n")
        [ "$mode" = reuseport ] && flags+=(--reuse-port)
        [ -n "$TRANSPORT" ] && flags+=(--transport "$TRANSPORT")
        setsid "${SERVER_PFX[@]}" "$ROOT/jasyncio" echo-server "${flags[@]}" > "$OUT/server-$mode-$n.log" 2>&1 &
        SRV_PID=$!   # its own process group; the launcher execs the JVM, so this is the server's pid
        for _ in $(seq 150); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
            sleep 0.1
        done
        echo "== $mode, $n loops (pid $SRV_PID, server cores $server_cores, client cores $client_cores," \
            "$conns connections): $(head -n 1 "$OUT/server-$mode-$n.log")" >&2
        "${CLIENT_PFX[@]}" "$ROOT/jasyncio" load --target "127.0.0.1:$port" --connections "$conns" --size "$SIZE" \
            --loops "$client_loops" --duration 2 --quiet --json > /dev/null 2>&1 || true  # the server's JIT warms up
        sampler "$SRV_PID" "$OUT/samples-$mode-$n.jsonl" &
        SAMPLER_PID=$!
        line="$("${CLIENT_PFX[@]}" "$ROOT/jasyncio" load --target "127.0.0.1:$port" --connections "$conns" \
            --size "$SIZE" --loops "$client_loops" --warmup "$WARMUP" --duration "$DURATION" --server-pid "$SRV_PID" \
            ${TRANSPORT:+--transport "$TRANSPORT"} --quiet --json 2>/dev/null | grep '^{' || true)"
        ended="$(date +%s.%N)"
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
        kill -TERM -- -"$SRV_PID" 2>/dev/null || true
        wait "$SRV_PID" 2>/dev/null || true
        SRV_PID=""
        if [ -z "$line" ]; then
            echo "   no result" >&2
            continue
        fi
        cpu="$(split "$OUT/samples-$mode-$n.jsonl" "$ended" "$DURATION")"
        echo "{\"accept\":\"$mode\",\"server_loops\":$n,\"server_cores\":\"$server_cores\",\"client_cores\":\"$client_cores\",\"client_loops\":$client_loops,\"cpu_split\":$cpu,${line#\{}" >> "$RESULTS"
        echo "   $(echo "$line" | sed 's/.*"rps":\([0-9.]*\).*"server_cpu_pct":\([0-9.]*\).*/\1 req\/s, server CPU \2 %/'), split $cpu" >&2
    done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
echo >&2
echo "raw results: $RESULTS" >&2
table "$RESULTS" | tee "${RESULTS%.jsonl}.md"
