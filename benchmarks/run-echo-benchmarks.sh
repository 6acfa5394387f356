#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# The echo benchmark, uvloop's (vmbench's) method: closed-loop ping-pong of 1 KiB, 10 KiB and 100 KiB messages over
# 10 and 100 connections, warm-up first, against jasyncio's echo server (Protocol, BufferedProtocol and Streams
# APIs; the Streams server reads with readinto, jasyncio-streams-chunk with read(262144), jasyncio-streams-line with
# readline), raw Netty's (benchmarks' NettyEchoServer) and the peers of ../shared/peers (asyncio and uvloop,
# Protocol and Streams: their Streams servers read lines, as vmbench's, and uvloop-streams-read reads chunks; plain
# C epoll; Go when `go` is installed), one after another in the same run. The client is `./jasyncio load`
# (--server-pid: the server's CPU time from /proc/PID/stat, utime + stime, around the measured
# window); one point per server is taken again with the peers' C client, echo_load, as a cross-check.
#
#   benchmarks/run-echo-benchmarks.sh                   the full run (~12 min): 3 s warm-up + 5 s per case
#   benchmarks/run-echo-benchmarks.sh --quick           1 s + 2 s per case, 1 KiB only (~3 min)
#   benchmarks/run-echo-benchmarks.sh --iouring --servers jasyncio-protocol,jasyncio-streams
#                                                       jasyncio's servers on epoll and on io_uring, in one run
#   options: --duration S  --warmup S  --server-warmup S  --servers LIST  --sizes LIST  --conns LIST  --no-pin
#            --iouring            add the io_uring twin of each jasyncio server in the list (jasyncio-protocol-iouring,
#                                 ...: the same server with --transport io_uring), and the io_uring / epoll table
#            a server named jasyncio-...-nocaches is that server with -Djasyncio.loop.nettyCaches=false (its loop run
#            as a plain thread, without Netty's per-thread caches and pools), with a ratio table beside the default
#            --repeat N           N passes over the servers, interleaved; the tables show each case's median
#            --table FILE.jsonl   only print the tables of an earlier run
#
# The server runs on CPU 0 and the client on CPU 1 (taskset), everything on 127.0.0.1. Raw results (one JSON object
# per case) go to benchmarks/target/echo-benchmarks/ (OUT= to change); the Markdown tables are printed at the end.
# Needs the JDK and Maven that ./jasyncio finds, gcc, /usr/bin/python3; installs python3-uvloop with apt-get when
# it is missing and we are root.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
PEERS="${PEERS:-$(cd "$ROOT/.." && pwd)/shared/peers}"
PY=/usr/bin/python3
OUT="${OUT:-$ROOT/benchmarks/target/echo-benchmarks}"
DURATION=5 WARMUP=3 SERVER_WARMUP=5
SIZES="1024,10240,102400" CONNS="10,100"
SERVERS=""
PIN=1
REPEAT=1
TABLE_ONLY=""
IOURING=0

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) DURATION=2 WARMUP=1 SERVER_WARMUP=3 SIZES=1024 ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --server-warmup) SERVER_WARMUP="$2"; shift ;;
        --servers) SERVERS="$2"; shift ;;
        --sizes) SIZES="$2"; shift ;;
        --conns) CONNS="$2"; shift ;;
        --no-pin) PIN=0 ;;
        --iouring) IOURING=1 ;;
        --repeat) REPEAT="$2"; shift ;;
        --table) TABLE_ONLY="$2"; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 6' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-echo-benchmarks: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# Prints the Markdown tables of a results file (JSON lines with "server" added; "xcheck" lines from echo_load).
tables() {
    "$PY" - "$1" <<'PYEOF'
import json, statistics, sys
rows, xcheck, meta = [], [], []
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("{"):
        r = json.loads(line)
        (xcheck if r.get("xcheck") else rows).append(r)
    elif line.startswith("#"):
        meta.append(line)
for m in meta:
    print(m)
print()
def kib(b):
    return f"{int(b) // 1024} KiB"
# Several passes: one row per case, the median of each column (and req/s of every pass).
groups = {}
for r in rows:
    groups.setdefault((r['server'], r['size'], r['connections']), []).append(r)
def median_row(rs):
    m = dict(rs[len(rs) // 2])
    med = lambda f: statistics.median(f(x) for x in rs)
    m['rps'] = med(lambda x: x['rps'])
    m['mibps'] = med(lambda x: x['mibps'])
    m['latency_us'] = {k: med(lambda x: x['latency_us'][k]) for k in rs[0]['latency_us']}
    m['server_cpu_pct'] = med(lambda x: x['server_cpu_pct'])
    m['server_cpu_us_per_req'] = med(lambda x: x['server_cpu_us_per_req'])
    m['client_cpu_pct'] = med(lambda x: x['client_cpu_pct'])
    m['errors'] = sum(x['errors'] for x in rs)
    m['passes'] = " / ".join(f"{x['rps'] / 1000:.1f}k" for x in rs)
    return m
rows = [median_row(rs) for rs in groups.values()]
passes = max(len(rs) for rs in groups.values()) if groups else 1
each = " | req/s of each pass" if passes > 1 else ""
print("| server | msg | conns | req/s | MiB/s | p50 us | p99 us | p99.9 us | server CPU % | server CPU us/req"
      " | client CPU % | errors" + each + " |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---" + (" | ---" if each else "") + " |")
for r in rows:
    print(f"| {r['server']} | {kib(r['size'])} | {r['connections']} | {r['rps']:,.0f} | {r['mibps']:,.1f}"
          f" | {r['latency_us']['p50']:,.0f} | {r['latency_us']['p99']:,.0f} | {r['latency_us']['p999']:,.0f}"
          f" | {r['server_cpu_pct']:.0f} | {r['server_cpu_us_per_req']:.2f} | {r['client_cpu_pct']:.0f}"
          f" | {r['errors']}" + (f" | {r['passes']}" if each else "") + " |")
index = {(r['server'], r['size'], r['connections']): r for r in rows}
def ratios(a, b, title, cpu):
    points = sorted({(s, c) for (srv, s, c) in index if srv == a and (b, s, c) in index})
    if not points:
        return
    print()
    print(f"{title}:")
    print()
    print("| msg | conns | req/s ratio | p99 ratio |" + (" CPU/req ratio |" if cpu else ""))
    print("| --- | --- | --- | --- |" + (" --- |" if cpu else ""))
    for s, c in points:
        x, y = index[(a, s, c)], index[(b, s, c)]
        line = (f"| {kib(s)} | {c} | {x['rps'] / y['rps']:.2f}x"
                f" | {x['latency_us']['p99'] / max(y['latency_us']['p99'], 1e-9):.2f}x |")
        if cpu:
            line += f" {x['server_cpu_us_per_req'] / y['server_cpu_us_per_req']:.2f}x |"
        print(line)
ratios("jasyncio-protocol", "netty", "jasyncio Protocol API / raw Netty (goals: req/s >= 0.95x, CPU/req <= 1.10x)", True)
ratios("jasyncio-buffered", "netty", "jasyncio BufferedProtocol API / raw Netty", True)
ratios("jasyncio-streams", "uvloop-streams", "jasyncio Streams / uvloop Streams (goal: req/s >= 1.3x)", True)
ratios("jasyncio-streams-line", "uvloop-streams",
       "jasyncio Streams readline / uvloop Streams readline, the same code shape (goal: req/s >= 1.3x)", True)
ratios("jasyncio-streams-chunk", "uvloop-streams-read",
       "jasyncio Streams read(n) / uvloop Streams read(n), the same code shape (goal: req/s >= 1.3x)", True)
for epoll in sorted({srv for (srv, s, c) in index if (srv + "-iouring", s, c) in index}):
    ratios(epoll + "-iouring", epoll, f"{epoll}: io_uring / epoll, the same server", True)
for plain in sorted({srv for (srv, s, c) in index if (srv + "-nocaches", s, c) in index}):
    ratios(plain, plain + "-nocaches", f"{plain}: loop run with Netty's thread caches / as a plain thread", True)
if xcheck:
    print()
    print("Cross-check, the peers' C client (echo_load) at one point beside ./jasyncio load at the same point:")
    print()
    print("| server | msg | conns | echo_load req/s | load req/s | echo_load p99 us | load p99 us"
          " | echo_load server CPU % | echo_load client CPU % |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for x in xcheck:
        r = index.get((x['server'], int(x['msize']), int(x['conc'])))
        load_rps = f"{r['rps']:,.0f}" if r else "-"
        load_p99 = f"{r['latency_us']['p99']:,.0f}" if r else "-"
        print(f"| {x['server']} | {kib(x['msize'])} | {x['conc']} | {float(x['rps']):,.0f} | {load_rps}"
              f" | {float(x['lat_us_p99']):,.0f} | {load_p99} | {float(x['server_cpu_pct']):.0f}"
              f" | {float(x['client_cpu_pct']):.0f} |")
PYEOF
}

if [ -n "$TABLE_ONLY" ]; then
    tables "$TABLE_ONLY"
    exit 0
fi

# ---------------------------------------------------------------- prerequisites
mkdir -p "$OUT/build"
BUILD="$OUT/build"
"$ROOT/jasyncio" build
HAVE_UVLOOP=0
if "$PY" -c 'import uvloop' 2>/dev/null; then
    HAVE_UVLOOP=1
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-echo-benchmarks: installing python3-uvloop" >&2
    apt-get install -y -q python3-uvloop >/dev/null 2>&1 || apt-get update -q >/dev/null 2>&1 \
        && apt-get install -y -q python3-uvloop >/dev/null 2>&1 || true
    "$PY" -c 'import uvloop' 2>/dev/null && HAVE_UVLOOP=1
fi
[ "$HAVE_UVLOOP" = 1 ] || echo "run-echo-benchmarks: no uvloop (python3-uvloop); its servers are left out" >&2
HAVE_C=0
if command -v gcc >/dev/null 2>&1 && [ -f "$PEERS/echo_load.c" ]; then
    gcc -O2 -Wall -o "$BUILD/echo_load" "$PEERS/echo_load.c"
    gcc -O2 -Wall -o "$BUILD/c_epoll_echo" "$PEERS/servers/c_epoll_echo.c"
    HAVE_C=1
fi
HAVE_GO=0
if command -v go >/dev/null 2>&1 && [ -f "$PEERS/servers/go_echo.go" ]; then
    (cd "$PEERS/servers" && GOCACHE="$BUILD/gocache" GOPATH="$BUILD/gopath" GO111MODULE=off \
        go build -o "$BUILD/go_echo" go_echo.go) && HAVE_GO=1
fi

if [ -z "$SERVERS" ]; then
    SERVERS="jasyncio-protocol,jasyncio-buffered,jasyncio-streams,netty,asyncio-proto,asyncio-streams"
    [ "$HAVE_UVLOOP" = 1 ] && SERVERS="$SERVERS,uvloop-proto,uvloop-streams"
    [ "$HAVE_C" = 1 ] && SERVERS="$SERVERS,c-epoll"
    [ "$HAVE_GO" = 1 ] && SERVERS="$SERVERS,go"
fi

# shellcheck source=echo-servers.sh
. "$ROOT/benchmarks/echo-servers.sh"

if [ "$IOURING" = 1 ]; then # each jasyncio server of the list, then its io_uring twin
    twins=""
    IFS=',' read -r -a listed <<< "$SERVERS"
    for n in "${listed[@]}"; do
        twins="${twins:+$twins,}$n"
        [[ "$n" == jasyncio-* && "$n" != *-iouring ]] && twins="$twins,$n-iouring"
    done
    SERVERS="$twins"
fi

SERVER_PFX=() CLIENT_PFX=()
if [ "$PIN" = 1 ]; then SERVER_PFX=(taskset -c 0); CLIENT_PFX=(taskset -c 1); fi
RESULTS="$OUT/$(date +%Y%m%d-%H%M%S).jsonl"
SRV_PID=""
cleanup() {
    if [ -n "$SRV_PID" ]; then kill -TERM -- -"$SRV_PID" 2>/dev/null || true; wait "$SRV_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

{
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs, $(uname -r), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# JDK $(cat "$ROOT/.jasyncio/build.stamp"), python $("$PY" -c 'import sys; print(sys.version.split()[0])')$(
        [ "$HAVE_UVLOOP" = 1 ] && "$PY" -c 'import uvloop; print(", uvloop", uvloop.__version__)' | tr -d '\n')"
    echo "# warm-up ${SERVER_WARMUP} s per server, then per case ${WARMUP} s warm-up + ${DURATION} s measured;" \
         "pin=$PIN, $REPEAT pass(es)"
} > "$RESULTS"

port=$((26000 + RANDOM % 2000))
IFS=',' read -r -a SERVER_LIST <<< "$SERVERS"
IFS=',' read -r -a SIZE_LIST <<< "$SIZES"
IFS=',' read -r -a CONN_LIST <<< "$CONNS"
for pass in $(seq 1 "$REPEAT"); do
for s in "${SERVER_LIST[@]}"; do
    port=$((port + 1))
    read -r -a cmd <<< "$(server_cmd "$s" "$port")"
    setsid "${SERVER_PFX[@]}" "${cmd[@]}" > "$OUT/server-$s.log" 2>&1 &
    SRV_PID=$!   # its own process group; the launcher execs the JVM, so this is the server's pid
    wait_listening "$port" 150 || true
    echo "== pass $pass: $s (pid $SRV_PID, port $port): $(head -n 1 "$OUT/server-$s.log")" >&2
    "${CLIENT_PFX[@]}" "$ROOT/jasyncio" load --target "127.0.0.1:$port" --connections 10 --size 1024 \
        --duration "$SERVER_WARMUP" --quiet --json > /dev/null 2>&1 || true
    for size in "${SIZE_LIST[@]}"; do
        for conns in "${CONN_LIST[@]}"; do
            line="$("${CLIENT_PFX[@]}" "$ROOT/jasyncio" load --target "127.0.0.1:$port" --connections "$conns" \
                --size "$size" --warmup "$WARMUP" --duration "$DURATION" --server-pid "$SRV_PID" --quiet --json \
                2>/dev/null | grep '^{' || true)"
            if [ -z "$line" ]; then
                echo "   $size B x $conns: no result" >&2
                continue
            fi
            echo "{\"server\":\"$s\",\"size\":$size,${line#\{}" >> "$RESULTS"
            echo "   $size B x $conns: $(echo "$line" | sed 's/.*"rps":\([0-9.]*\).*"p99":\([0-9.]*\).*"server_cpu_us_per_req":\([0-9.-]*\).*/\1 req\/s, p99 \2 us, server \3 us\/req/')" >&2
        done
    done
    if [ "$HAVE_C" = 1 ]; then
        x="$("${CLIENT_PFX[@]}" "$BUILD/echo_load" -p "$port" -m 1024 -c 10 -d "$DURATION" -l "$s" -P "$SRV_PID" \
            | grep '^RESULT' || true)"
        if [ -n "$x" ]; then
            echo "$x" | "$PY" -c 'import json,sys; kv=dict(t.split("=",1) for t in sys.stdin.read().split()[1:] if "=" in t); kv["server"]=kv["label"]; kv["xcheck"]=True; print(json.dumps(kv))' >> "$RESULTS"
            echo "   echo_load 1024 B x 10: $(echo "$x" | tr ' ' '\n' | grep -E '^(rps|lat_us_p99)=' | tr '\n' ' ')" >&2
        fi
    fi
    kill -TERM -- -"$SRV_PID" 2>/dev/null || true
    wait "$SRV_PID" 2>/dev/null || true
    SRV_PID=""
done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

echo >&2
echo "raw results: $RESULTS" >&2
tables "$RESULTS" | tee "${RESULTS%.jsonl}.md"
