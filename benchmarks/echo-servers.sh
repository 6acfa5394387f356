# Copyright 2026 The jasyncio Project
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
#
# The echo servers the benchmark scripts start, by name, sourced by run-echo-benchmarks.sh and
# run-memory-benchmarks.sh. The caller sets ROOT, PY, PEERS and BUILD (where the C and Go peers were built).

# Prints the words of the command that starts server NAME on PORT: jasyncio's (a -iouring suffix runs it on io_uring,
# -nocaches runs its loop as a plain thread), raw Netty's, and the peers' (asyncio, uvloop, C, Go).
server_cmd() {  # name port -> the command's words
    local n="$1" p="$2" tr=epoll pre=""
    if [[ "$n" == jasyncio-*-iouring ]]; then n="${n%-iouring}"; tr=io_uring; fi  # the same server on io_uring
    if [[ "$n" == jasyncio-*-nocaches ]]; then  # the same server, its loop run as a plain thread, not as Netty's
        n="${n%-nocaches}"; pre="env JASYNCIO_JAVA_OPTS=-Djasyncio.loop.nettyCaches=false"
    fi
    echo -n "${pre:+$pre }"
    case "$n" in
        jasyncio-protocol) echo "$ROOT/jasyncio echo-server --port $p --api protocol --transport $tr" ;;
        jasyncio-buffered) echo "$ROOT/jasyncio echo-server --port $p --api buffered --transport $tr" ;;
        jasyncio-streams)  echo "$ROOT/jasyncio echo-server --port $p --api streams --transport $tr" ;;
        jasyncio-streams-chunk) echo "$ROOT/jasyncio echo-server --port $p --api streams --read chunk --transport $tr" ;;
        jasyncio-streams-line)  echo "$ROOT/jasyncio echo-server --port $p --api streams --read line --transport $tr" ;;
        netty)             echo "$ROOT/jasyncio netty-echo-server --port $p" ;;
        asyncio-proto)     echo "$PY $PEERS/servers/py_protocol_echo.py $p" ;;
        asyncio-streams)   echo "$PY $PEERS/servers/py_streams_echo.py $p" ;;
        uvloop-proto)      echo "$PY $PEERS/servers/py_protocol_echo.py $p --uvloop" ;;
        uvloop-streams)    echo "$PY $PEERS/servers/py_streams_echo.py $p --uvloop" ;;
        uvloop-streams-read) echo "$PY $PEERS/servers/py_streams_echo.py $p --uvloop --mode read" ;;
        c-epoll)           echo "$BUILD/c_epoll_echo $p" ;;
        go)                echo "env GOMAXPROCS=1 $BUILD/go_echo $p" ;;
        *) echo "unknown server $n" >&2; return 1 ;;
    esac
}

# Waits until something accepts on 127.0.0.1:PORT, trying TRIES times 0.1 s apart; returns 1 if nothing did.
wait_listening() {  # port tries
    local _
    for _ in $(seq "$2"); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
