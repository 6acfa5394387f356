#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# Memory per idle connection: each server is started and warmed up (as many connections as are measured, each
# echoes one line and closes: the young generation's pages and the buffer pools are touched before the first
# reading, so that the growth is what the connections hold, not the heap's first use); then N connections (10,000
# by default) each echo one 1 KiB line and stay open, idle. The server's resident set (VmRSS of /proc/PID/status)
# is read before and after, once it has settled; KiB per connection = growth / N.
# Servers: jasyncio's echo server (Protocol API; Streams API reading with readline, read(65536) and the README's
# readinto), raw Netty's (benchmarks' NettyEchoServer), and the peers of ../shared/peers (uvloop and asyncio, Protocol
# and Streams with readline), one after another in the same run.
#
#   benchmarks/run-memory-benchmarks.sh                  every server, 10,000 connections (~4 min quiet, ~10 loaded)
#   options: --conns N          connections held open (default 10000; the nofile limit must allow N + 100)
#            --servers LIST     e.g. jasyncio-protocol,netty,uvloop-proto
#            --warm N           warm-up connections, opened, echoed and closed before the first reading (N)
#            --no-pin           do not pin the server to CPU 0 and the client to CPU 1
#            --repeat N         N passes over the servers, interleaved; the table shows each server's median
#            --histogram        also take a class histogram of each JVM server (jcmd GC.class_histogram) after
#                               each reading, and print the classes whose instances grew, per connection
#            --table FILE.jsonl only print the table of an earlier run
#
# A JVM server gets a full collection (`jcmd PID GC.run`) before each reading, so that garbage is not counted: the
# RSS then is what the live objects, the heap pages the JVM keeps committed and touched, and native memory (Netty's
# pooled direct buffers, the JIT's code) hold. The heap column is the Java heap used after that collection
# (`jcmd PID GC.heap_info`), growth / N: the live objects a connection keeps. Both JVMs run with the launcher's
# defaults (no heap option), as users run them; pinned to one CPU, the JVM chooses the Serial collector (the GC
# column says which ran; --no-pin gives G1 on a machine of 2 CPUs or more, whose RSS moves more with its region
# sizing). The Python servers have no such step: CPython frees at once.
# The server's socket buffers are kernel memory, in no process's RSS, for every server alike.
# The client is one asyncio process (/usr/bin/python3) that opens the connections 200 at a time.
# Raw results go to benchmarks/target/memory-benchmarks/ (OUT= to change); the Markdown table is printed at the end.
# Needs the JDK and Maven that ./jasyncio finds, /usr/bin/python3 (uvloop: python3-uvloop, else its servers are left
# out).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
PEERS="${PEERS:-$(cd "$ROOT/.." && pwd)/shared/peers}"
PY=/usr/bin/python3
OUT="${OUT:-$ROOT/benchmarks/target/memory-benchmarks}"
CONNS=10000
WARM=""
SERVERS=""
PIN=1
REPEAT=1
TABLE_ONLY=""
HISTOGRAM=0

while [ $# -gt 0 ]; do
    case "$1" in
        --conns) CONNS="$2"; shift ;;
        --servers) SERVERS="$2"; shift ;;
        --warm) WARM="$2"; shift ;;
        --no-pin) PIN=0 ;;
        --repeat) REPEAT="$2"; shift ;;
        --table) TABLE_ONLY="$2"; shift ;;
        --histogram) HISTOGRAM=1 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 6' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-memory-benchmarks: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# Prints the Markdown table of a results file (JSON lines; "#" lines are the run's notes).
table() {
    "$PY" - "$1" <<'PYEOF'
import json, statistics, sys
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
# Several passes: one row per server, the median of each column (and the RSS per connection of every pass).
groups = {}
for r in rows:
    groups.setdefault(r["server"], []).append(r)
passes = max((len(g) for g in groups.values()), default=1)
each = " | RSS KiB/conn of each pass" if passes > 1 else ""
print("| server | conns held | RSS before MiB | RSS after MiB | RSS KiB/conn | Java heap KiB/conn | GC" + each + " |")
print("| --- | --- | --- | --- | --- | --- | ---" + (" | ---" if each else "") + " |")
def per_conn(r, after, before):
    return (r[after] - r[before]) / r["held"] if r["held"] and r.get(after) is not None else None
for server, g in groups.items():
    med = lambda f: statistics.median(f(x) for x in g)
    rss = [per_conn(x, "rss_after", "rss_before") for x in g]
    heaps = [h for h in (per_conn(x, "heap_after", "heap_before") for x in g) if h is not None]
    heap = f"{statistics.median(heaps):.2f}" if heaps else "-"
    ok = [v for v in rss if v is not None]
    line = (f"| {server} | {int(med(lambda x: x['held'])):,} | {med(lambda x: x['rss_before']) / 1024:.1f}"
            f" | {med(lambda x: x['rss_after']) / 1024:.1f} | {statistics.median(ok) if ok else float('nan'):.2f}"
            f" | {heap} | {g[0].get('gc', '-')}")
    if each:
        line += " | " + " / ".join(f"{v:.2f}" if v is not None else "-" for v in rss)
    print(line + " |")
PYEOF
}

[ -n "$WARM" ] || WARM="$CONNS"

if [ -n "$TABLE_ONLY" ]; then
    table "$TABLE_ONLY"
    exit 0
fi

# ---------------------------------------------------------------- prerequisites
mkdir -p "$OUT"
"$ROOT/jasyncio" build
JCMD="$(cat "$ROOT/.jasyncio/build.stamp")/bin/jcmd"
HAVE_UVLOOP=0
"$PY" -c 'import uvloop' 2>/dev/null && HAVE_UVLOOP=1
[ "$HAVE_UVLOOP" = 1 ] || echo "run-memory-benchmarks: no uvloop (python3-uvloop); its servers are left out" >&2
NOFILE="$(ulimit -Hn)"
if [ "$NOFILE" != unlimited ] && [ "$NOFILE" -lt $((CONNS + 100)) ]; then
    echo "run-memory-benchmarks: the hard nofile limit ($NOFILE) is below --conns $CONNS + 100;" \
         "raise it (ulimit -Hn as root, or limits.conf) or lower --conns" >&2
    exit 2
fi
ulimit -Sn "$NOFILE" # the servers and the client inherit it (the JVM raises its own to the hard limit anyway)

if [ -z "$SERVERS" ]; then
    SERVERS="jasyncio-protocol,jasyncio-streams-line,jasyncio-streams-chunk,jasyncio-streams,netty"
    [ "$HAVE_UVLOOP" = 1 ] && SERVERS="$SERVERS,uvloop-proto,uvloop-streams"
    SERVERS="$SERVERS,asyncio-proto,asyncio-streams"
fi

# shellcheck source=echo-servers.sh
. "$ROOT/benchmarks/echo-servers.sh"

# The client: opens N connections (200 at a time), each sends one 1 KiB line and reads it back; prints
# "held N" once they are all open and idle, then holds them until its stdin closes. "echoed" with --close: the
# warm-up, which closes each connection after its echo.
CLIENT="$OUT/hold_connections.py"
cat > "$CLIENT" <<'PYEOF'
import asyncio, resource, sys
port, n, close = int(sys.argv[1]), int(sys.argv[2]), len(sys.argv) > 3 and sys.argv[3] == "--close"
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
LINE = b"x" * 1023 + b"\n"
async def one(sem, held):
    async with sem:
        for attempt in range(5):
            try:
                r, w = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.2 * (attempt + 1))
        else:
            return
        w.write(LINE)
        await w.drain()
        await r.readexactly(len(LINE))
        if close:
            w.close()
        else:
            held.append(w)
async def main():
    sem, held = asyncio.Semaphore(200), []
    await asyncio.gather(*(one(sem, held) for _ in range(n)), return_exceptions=True)
    print(("echoed" if close else "held"), len(held) if not close else n, flush=True)
    if not close:
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
asyncio.run(main())
PYEOF

SERVER_PFX=() CLIENT_PFX=()
if [ "$PIN" = 1 ]; then SERVER_PFX=(taskset -c 0); CLIENT_PFX=(taskset -c 1); fi
RESULTS="$OUT/$(date +%Y%m%d-%H%M%S).jsonl"
SRV_PID="" CLI_PID=""
cleanup() {
    if [ -n "$CLI_PID" ]; then kill -TERM "$CLI_PID" 2>/dev/null || true; wait "$CLI_PID" 2>/dev/null || true; fi
    if [ -n "$SRV_PID" ]; then kill -TERM -- -"$SRV_PID" 2>/dev/null || true; wait "$SRV_PID" 2>/dev/null || true; fi
    rm -f "$OUT/hold.in"
}
trap cleanup EXIT INT TERM

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

is_jvm() { [ "$(basename "$(readlink -f "/proc/$1/exe")")" = java ]; }

# A full collection, then the Java heap in use (KiB); nothing for a server that is not a JVM.
heap_kib() {
    is_jvm "$1" || return 0
    "$JCMD" "$1" GC.run > /dev/null
    # G1 prints one line "garbage-first heap total ...K, committed ...K, used ...K"; Serial (what a JVM pinned to
    # one CPU chooses) one line per generation, "DefNew total ...K, used ...K" and "Tenured total ...K, used ...K".
    "$JCMD" "$1" GC.heap_info | awk '/ total [0-9]+K.* used [0-9]+K/ {
        for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); sum += v } }
        END { print sum + 0 }'
}

# With --histogram: the JVM server's class histogram (it collects first) into FILE; nothing for other servers.
histogram() {  # pid file
    [ "$HISTOGRAM" = 1 ] && is_jvm "$1" || return 0
    "$JCMD" "$1" GC.class_histogram > "$2"
}

# Prints what grew between two histograms, per connection: instances and bytes of each class that grew by at least
# 2 bytes per connection, largest first, and the total.
histogram_delta() {  # before after conns
    "$PY" - "$@" <<'PYEOF'
import re, sys
def load(path):
    counts = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            counts[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return counts
before, after, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
rows = sorted(((b - before.get(c, (0, 0))[1], i - before.get(c, (0, 0))[0], c) for c, (i, b) in after.items()),
              reverse=True)
print(f"   class histogram growth per connection ({n} held):")
for db, di, c in rows:
    if abs(db) >= 2 * n:
        print(f"   {di / n:8.2f} inst {db / n:8.1f} B  {c}")
print(f"   total {sum(r[0] for r in rows) / n:.1f} B per connection")
PYEOF
}

gc_name() {
    is_jvm "$1" || return 0
    "$JCMD" "$1" GC.heap_info | awk 'NR == 2 { print $1 == "garbage-first" ? "G1" : $1 == "DefNew" ? "Serial" : $1 }'
}

# Waits until the RSS moved by less than 1% over the last second (at most 30 s); prints it.
settled_rss() {
    local pid="$1" prev cur
    prev="$(rss_kib "$pid")"
    for _ in $(seq 30); do
        sleep 1
        cur="$(rss_kib "$pid")"
        if [ $(( (cur > prev ? cur - prev : prev - cur) * 100 )) -le "$prev" ]; then break; fi
        prev="$cur"
    done
    echo "$cur"
}

{
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs, $(uname -r), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# JDK $(cat "$ROOT/.jasyncio/build.stamp"), python $("$PY" -c 'import sys; print(sys.version.split()[0])')$(
        [ "$HAVE_UVLOOP" = 1 ] && "$PY" -c 'import uvloop; print(", uvloop", uvloop.__version__)' | tr -d '\n')"
    echo "# $CONNS connections, each echoed one 1 KiB line, then idle; warm-up $WARM connections; pin=$PIN;" \
         "$REPEAT pass(es); JVMs: jcmd GC.run before each reading, launcher defaults (no heap option)"
} > "$RESULTS"

port=$((28000 + RANDOM % 2000))
IFS=',' read -r -a SERVER_LIST <<< "$SERVERS"
for pass in $(seq 1 "$REPEAT"); do
for s in "${SERVER_LIST[@]}"; do
    port=$((port + 1))
    read -r -a cmd <<< "$(server_cmd "$s" "$port")"
    setsid "${SERVER_PFX[@]}" "${cmd[@]}" > "$OUT/server-$s.log" 2>&1 &
    SRV_PID=$!   # its own process group; the launcher execs the JVM, so this is the server's pid
    wait_listening "$port" 300 || true
    echo "== pass $pass: $s (pid $SRV_PID, port $port): $(head -n 1 "$OUT/server-$s.log")" >&2
    "${CLIENT_PFX[@]}" "$PY" "$CLIENT" "$port" "$WARM" --close > /dev/null
    sleep 1
    gc="$(gc_name "$SRV_PID")"
    heap_before="$(heap_kib "$SRV_PID")"
    rss_before="$(settled_rss "$SRV_PID")"
    histogram "$SRV_PID" "$OUT/histogram-$s-$pass.before"
    rm -f "$OUT/hold.in" && mkfifo "$OUT/hold.in"
    "${CLIENT_PFX[@]}" "$PY" "$CLIENT" "$port" "$CONNS" < "$OUT/hold.in" > "$OUT/hold.out" &
    CLI_PID=$!
    exec 4> "$OUT/hold.in" # the client holds its connections until this closes
    for _ in $(seq 600); do
        grep -q '^held' "$OUT/hold.out" 2>/dev/null && break
        sleep 0.1
    done
    held="$(sed -n 's/^held \([0-9]*\)/\1/p' "$OUT/hold.out")"
    heap_after="$(heap_kib "$SRV_PID")"
    rss_after="$(settled_rss "$SRV_PID")"
    histogram "$SRV_PID" "$OUT/histogram-$s-$pass.after"
    exec 4>&-
    wait "$CLI_PID" 2>/dev/null || true
    CLI_PID=""
    printf '{"server":"%s","gc":"%s","held":%s,"rss_before":%s,"rss_after":%s,"heap_before":%s,"heap_after":%s}\n' \
        "$s" "${gc:--}" "${held:-0}" "$rss_before" "$rss_after" "${heap_before:-null}" "${heap_after:-null}" \
        >> "$RESULTS"
    echo "   held ${held:-0}; RSS ${rss_before} -> ${rss_after} KiB" \
         "${heap_before:+; heap ${heap_before} -> ${heap_after} KiB}" >&2
    if [ "$HISTOGRAM" = 1 ] && [ -s "$OUT/histogram-$s-$pass.after" ] && [ "${held:-0}" -gt 0 ]; then
        histogram_delta "$OUT/histogram-$s-$pass.before" "$OUT/histogram-$s-$pass.after" "$held" >&2
    fi
    kill -TERM -- -"$SRV_PID" 2>/dev/null || true
    wait "$SRV_PID" 2>/dev/null || true
    SRV_PID=""
done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

echo >&2
echo "raw results: $RESULTS" >&2
table "$RESULTS" | tee "${RESULTS%.jsonl}.md"
