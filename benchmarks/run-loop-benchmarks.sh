#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# Runs the loop benchmarks (io.jasyncio.bench.loop) beside their raw-Netty twins, with -prof gc, and prints one
# Markdown table: jasyncio and Netty side by side, their ratio and the bytes allocated per operation.
#
#   benchmarks/run-loop-benchmarks.sh [JMH options]      e.g. -p transport=epoll, or -f 2 for a longer run
#   benchmarks/run-loop-benchmarks.sh --table FILE.csv    only print the table of an earlier run's CSV
#
# With the defaults of AbstractLoopBenchmark (1 fork, 3 + 5 iterations of 1 s) the 32 runs take about 6 minutes.
# The raw JMH output and its CSV go to benchmarks/target/loop-benchmarks/ (OUT= to change). Needs the JDK and
# Maven that ./jasyncio finds; it builds what it needs on first use.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"

# Prints the Markdown table of a JMH CSV result file.
print_table() {
    awk -F, '
function unq(s) { gsub(/^"|"$/, "", s); return s }
function fmt(x) { return x ~ /^[0-9]/ ? sprintf("%.1f", x) : "-" }
{ sub(/\r$/, "") }
NR == 1 {
    for (i = 1; i <= NF; i++) {
        h = unq($i)
        if (h == "Score") cScore = i
        else if (h ~ /^Score Error/) cErr = i
        else if (h ~ /^Param: /) { np++; pcol[np] = i; pname[np] = substr(h, 8) }
    }
    next
}
{
    name = unq($1); sub(/^io\.jasyncio\.bench\.loop\./, "", name)
    params = ""
    for (k = 1; k <= np; k++) {
        v = unq($(pcol[k]))
        if (v != "") params = params (params == "" ? "" : " ") pname[k] "=" v
    }
    metric = ""
    c = index(name, ":")
    if (c > 0) { metric = substr(name, c + 1); name = substr(name, 1, c - 1) }
    key = name "|" params
    if (metric == "") {
        score[key] = $(cScore); err[key] = $(cErr)
        if (!(params in seenParams)) { seenParams[params] = 1 }
        paramsOf[name] = paramsOf[name] "\t" params
    } else if (metric == "gc.alloc.rate.norm") {
        alloc[key] = $(cScore)
    }
}
END {
    # jasyncio benchmark, its Netty twin, the row label
    n = 0
    pair[++n] = "CallSoonBenchmark.callSoonChain CallSoonBenchmark.nettyExecuteChain callSoon chain (1 iteration each)"
    pair[++n] = "CallSoonBenchmark.callSoonBurst CallSoonBenchmark.nettyExecuteBurst" \
        " callSoon burst (1,000 each iteration)"
    pair[++n] = "CallLaterBenchmark.callLaterCancel CallLaterBenchmark.nettyScheduleCancel callLater + cancel"
    pair[++n] = "FutureCallbackBenchmark.futureDoneCallback FutureCallbackBenchmark.nettyPromiseListener" \
        " future + done callback"
    pair[++n] = "ThreadsafeBenchmark.callSoonThreadsafe ThreadsafeBenchmark.nettyExecuteFromOtherThread" \
        " callSoonThreadsafe from another thread"
    pair[++n] = "HandOffBenchmark.loopRunStop HandOffBenchmark.nettyExecuteAndWait hand-off, per invocation"
    print "| operation | parameters | jasyncio ns/op | Netty ns/op | ratio | jasyncio B/op | Netty B/op |"
    print "| --- | --- | --- | --- | --- | --- | --- |"
    for (p = 1; p <= n; p++) {
        split(pair[p], w, " "); ours = w[1]; theirs = w[2]
        label = pair[p]; sub(/^[^ ]+ [^ ]+ /, "", label)
        m = split(paramsOf[ours], plist, "\t")
        for (q = 2; q <= m; q++) {
            ps = plist[q]; a = ours "|" ps; b = theirs "|" ps
            ratio = (a in score && b in score && score[b] > 0) ? sprintf("%.2fx", score[a] / score[b]) : "-"
            printf "| %s | %s | %s ± %s | %s ± %s | %s | %s | %s |\n", label, ps, fmt(score[a]), fmt(err[a]),
                fmt(score[b]), fmt(err[b]), ratio, fmt(alloc[a]), fmt(alloc[b])
        }
    }
}' "$1"
}

if [ "${1:-}" = "--table" ]; then
    print_table "${2:?usage: $0 --table FILE.csv}"
    exit 0
fi

OUT="${OUT:-$ROOT/benchmarks/target/loop-benchmarks}"
mkdir -p "$OUT"
CSV="$OUT/results.csv"
rm -f "$CSV"

START=$(date +%s)
# JMH's CSV follows the default locale's number format: ask for the C locale's.
JASYNCIO_JAVA_OPTS="${JASYNCIO_JAVA_OPTS:-} -Duser.language=en -Duser.country=US" \
    "$ROOT/jasyncio" bench 'io\.jasyncio\.bench\.loop\.' -prof gc -rf csv -rff "$CSV" "$@" \
    | tee "$OUT/jmh.log"
[ -s "$CSV" ] || { echo "run-loop-benchmarks: JMH wrote no results (see $OUT/jmh.log)" >&2; exit 1; }

echo
JAVA_LINE="$(grep -m 1 '^# VM version:' "$OUT/jmh.log" | sed 's/^# VM version: //')"
echo "Loop benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, ${JAVA_LINE:-unknown JVM}, $(( $(date +%s) - START )) s."
echo "Scores: ns per operation (JMH average, 99.9% error); ratio = jasyncio / Netty; B/op from -prof gc."
echo
print_table "$CSV" | tee "$OUT/table.md"
