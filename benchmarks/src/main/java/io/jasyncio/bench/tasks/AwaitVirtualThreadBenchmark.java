/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import org.openjdk.jmh.annotations.Fork;

/** {@link AwaitBenchmark} on the fallback coroutine path: a virtual thread per task, with a hand-off per await. */
@Fork(value = 1, jvmArgsAppend = {"-Djasyncio.coroutines=vthread", "--enable-native-access=ALL-UNNAMED",
    "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dio.netty.leakDetection.level=disabled"})
public class AwaitVirtualThreadBenchmark extends AwaitBenchmark {
}
