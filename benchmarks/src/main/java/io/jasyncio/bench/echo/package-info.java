/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The echo benchmark's yardstick: {@link io.jasyncio.bench.echo.NettyEchoServer}, raw Netty on native epoll with one
 * event loop, the server jasyncio's echo server is measured against. {@code benchmarks/run-echo-benchmarks.sh} starts
 * it beside jasyncio's echo server (Protocol, BufferedProtocol and Streams APIs) and the peers (asyncio, uvloop, C),
 * drives each with {@code ./jasyncio load}, and writes the table of {@code benchmarks/RESULTS.md}, section "Echo".
 */
package io.jasyncio.bench.echo;
