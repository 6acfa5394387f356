/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.transport;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link WriteBenchmark} with {@code -Djasyncio.transport.immediateSend=false}: every write copied into a pooled
 * Netty buffer and flushed, the path the immediate send replaces.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dio.netty.leakDetection.level=disabled",
    "-Djasyncio.transport.immediateSend=false"})
public class WriteQueuedBenchmark extends WriteBenchmark {
}
