/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * The example programs, run once per backend. The protocols of the RESP and HTTP servers are fed through a
 * socket-less {@link io.jasyncio.tests.examples.FakeTransport}, so a request can be split at every byte position and
 * each read's writes counted ({@code RespProtocolTest}, {@code HttpProtocolTest}; expiry and the HTTP timeouts on a
 * {@code MockTicker}). The fake can hold what is written as a socket whose peer does not read, with a high-water mark
 * and {@code pauseWriting} inside the write, to bound the replies in flight; the parsers' work is read through the
 * protocols' {@code parseWork()} and bounded by a multiple of the bytes fed, however they are split (a count, not a
 * timing).
 * Over real sockets on 127.0.0.1 port 0, clients of our own check pipelining, refusals, a loop group, the chat room's
 * broadcast, its dropping of a slow member (a plain socket with a tiny receive window that never reads), its memory
 * bound as a whole and a burst that a reading member keeps up with; echo and redis clients that do not read, while
 * the server's write buffer stays bounded; and the
 * real clients, {@code redis-cli}, {@code redis-benchmark}, {@code curl} and {@code wrk}, drive the servers where they
 * are installed ({@link io.jasyncio.tests.examples.ExternalTool}; skipped with the reason otherwise;
 * {@code scripts/install-test-tools.sh} installs them, and {@code .ci/run} calls it). {@code ServerLaunchTest} runs
 * each server's {@code main} in a JVM of its own and stops it with SIGTERM.
 *
 * <p>Both servers' request parsers are fuzzed (Jazzer, {@code RespServerFuzzTest}, {@code HttpServerFuzzTest}):
 * through the protocols on the fake transport, against plain whole-stream readings written here
 * ({@link io.jasyncio.tests.examples.RespRequestReference} by redis's rules,
 * {@link io.jasyncio.tests.examples.HttpRequestReference} for plain requests); see BUILDING.md, "Fuzzing the parsers".
 */
package io.jasyncio.tests.examples;
