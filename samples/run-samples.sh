#!/usr/bin/env bash
# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# Builds the sample projects against the jasyncio installed in the local Maven repository (`./jasyncio install`), with
# only the steps the README gives a user, and runs each four ways: on the class path and on the module path, with and
# without the continuation fast path's flag. Checks the output every time; any difference fails loudly.
#
#   samples/run-samples.sh        (./jasyncio sample does the same with the JDK the launcher finds)
#
# Environment: JAVA_HOME (a JDK 21+), MVN (the Maven command; default: mvn -B -ntp), MAVEN_REPO (the local
# repository, default ~/.m2/repository).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
SAMPLE="$ROOT/samples/uppercase"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a MVN <<< "${MVN:-mvn -B -ntp}"
CLIENTS=5

fail() { printf 'run-samples: FAILED: %s\n' "$*" >&2; exit 1; }

# The version the sample asks for must be installed: say how, rather than let Maven fail on a missing artifact.
version="$(sed -n 's:.*<jasyncio.version>\(.*\)</jasyncio.version>.*:\1:p' "$SAMPLE/pom.xml")"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
[ -f "$repo/io/jasyncio/jasyncio/$version/jasyncio-$version.jar" ] \
    || fail "io.jasyncio:jasyncio:$version is not in $repo: run ./jasyncio install first."

echo "run-samples: building samples/uppercase against the installed io.jasyncio:jasyncio:$version"
(cd "$ROOT" && "${MVN[@]}" -q -f samples/uppercase/pom.xml clean package) 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 \
    || fail "the sample does not build"

expected="$(for ((i = 0; i < CLIENTS; i++)); do echo "client $i: HELLO $i"; done; echo done)"
# The JVM flags, as the README gives them: the export for the fast path names the module that uses it.
native_access=(--enable-native-access=ALL-UNNAMED)
on_linux_x86_64=false
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && on_linux_x86_64=true

# run NAME [java arguments...]: runs the sample, checks stdout exactly and, in the log, which coroutines and which
# transport were chosen.
run() {
    local name="$1" fast="$2"; shift 2
    local out err status=0
    out="$(mktemp)"; err="$(mktemp)"
    (cd "$SAMPLE" && timeout 60 "$JAVA" "$@" "$CLIENTS") >"$out" 2>"$err" || status=$?
    if [ "$status" -ne 0 ] || [ "$(cat "$out")" != "$expected" ]; then
        echo "--- $name: exit $status; stdout:" >&2; cat "$out" >&2
        echo "--- stderr:" >&2; cat "$err" >&2
        echo "--- expected stdout:" >&2; echo "$expected" >&2
        rm -f "$out" "$err"
        fail "$name"
    fi
    local why=""
    if [ "$fast" = yes ]; then
        grep -qi 'coroutines: continuation' "$err" || why="the fast path is off although the flag is given"
    else
        grep -qi 'coroutines: virtual threads' "$err" || why="no virtual-thread fallback without the flag"
    fi
    if [ -z "$why" ] && grep -q 'WARNING: A restricted method' "$err"; then
        why="the JVM warns about native access: the flag names the wrong module"
    fi
    if [ -z "$why" ] && $on_linux_x86_64 && ! grep -q 'transport: EPOLL' "$err"; then
        why="not on epoll on Linux x86-64: the native library was not found"
    fi
    if [ -n "$why" ]; then
        echo "--- $name: stderr:" >&2; cat "$err" >&2
        rm -f "$out" "$err"
        fail "$name: $why"
    fi
    rm -f "$out" "$err"
    echo "run-samples: ok: $name"
}

main=io.jasyncio.samples.uppercase.Uppercase
module=io.jasyncio.samples.uppercase
# The module path takes this platform's native jars only: Netty 4.2.18's io_uring jar for linux-aarch_64 declares the
# module name of the linux-x86_64 one, and two modules of one name cannot share a module path.
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x86_64 ;;
    Linux-aarch64 | Linux-arm64) platform=linux-aarch_64 ;;
    Darwin-x86_64) platform=osx-x86_64 ;;
    Darwin-arm64 | Darwin-aarch64) platform=osx-aarch_64 ;;
    *) platform=none ;;
esac
module_path=target/classes
for jar in "$SAMPLE"/target/lib/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
        netty-transport-native-*-linux-*.jar | netty-transport-native-*-osx-*.jar)
            [[ "$name" == *-"$platform".jar ]] || continue ;;
    esac
    module_path+=":target/lib/$name"
done
run "class path, fast path" yes \
    --add-exports java.base/jdk.internal.vm=ALL-UNNAMED "${native_access[@]}" -cp 'target/classes:target/lib/*' "$main"
run "class path, virtual threads" no \
    "${native_access[@]}" -cp 'target/classes:target/lib/*' "$main"
# On the module path the natives are modules that nothing requires: --add-modules ALL-MODULE-PATH resolves them.
run "module path, fast path" yes \
    --add-exports java.base/jdk.internal.vm=io.jasyncio --enable-native-access=io.netty.common \
    --module-path "$module_path" --add-modules ALL-MODULE-PATH -m "$module/$main"
run "module path, virtual threads" no \
    --enable-native-access=io.netty.common \
    --module-path "$module_path" --add-modules ALL-MODULE-PATH -m "$module/$main"
echo "run-samples: all samples passed"
