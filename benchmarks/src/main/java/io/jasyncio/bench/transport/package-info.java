/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Transport benchmarks over loopback, client and server on one loop driven from the JMH thread:
 * {@link io.jasyncio.bench.transport.BufferedReadBenchmark} measures a BufferedProtocol echo read in place, and
 * {@link io.jasyncio.bench.transport.BufferedReadCopyBenchmark} the same with the copy it replaced
 * ({@code -Djasyncio.transport.readInto=false}); {@link io.jasyncio.bench.transport.WriteBenchmark} measures a write
 * made on the loop with nothing queued, sent at once, and {@link io.jasyncio.bench.transport.WriteQueuedBenchmark}
 * the same through a pooled Netty buffer ({@code -Djasyncio.transport.immediateSend=false}). Besides the wall time per echo, which the machine's other work
 * spreads widely, each reports the loop thread's CPU time ({@code cpuNanos / echoes}) and, with {@code -prof gc},
 * the bytes allocated per echo.
 */
package io.jasyncio.bench.transport;
