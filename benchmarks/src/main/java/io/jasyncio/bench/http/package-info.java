/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * The HTTP benchmark's yardstick: {@link io.jasyncio.bench.http.NettyHttpServer}, raw Netty's HTTP hello-world
 * (netty-codec-http, which only this module uses) on native epoll with one event loop. {@code
 * benchmarks/run-server-benchmarks.sh} runs it beside jasyncio's http-server under {@code wrk}, and jasyncio's
 * redis-server beside a real {@code redis-server} under {@code redis-benchmark}, and prints the tables of
 * {@code benchmarks/RESULTS.md}, section "Example servers".
 */
package io.jasyncio.bench.http;
