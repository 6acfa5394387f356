/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.transport;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link BufferedReadBenchmark} with {@code -Djasyncio.transport.readInto=false}: the transport reads into a pooled
 * buffer of Netty's and copies into the protocol's buffer, as it did before reading in place.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dio.netty.leakDetection.level=disabled",
    "-Djasyncio.transport.readInto=false"})
public class BufferedReadCopyBenchmark extends BufferedReadBenchmark {
}
