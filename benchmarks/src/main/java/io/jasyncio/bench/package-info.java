/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * JMH benchmarks of jasyncio beside raw Netty, in the same JVM and the same run.
 *
 * <p>Each benchmark extends {@link io.jasyncio.bench.AbstractLoopBenchmark}: a jasyncio loop and a Netty event loop,
 * each on a thread of its own, fixed forks, warm-up and JVM arguments. Run them with {@code ./jasyncio bench} (JMH's
 * own options follow, for example {@code -prof gc}); {@code BENCHMARKING.md} lists the commands.
 */
package io.jasyncio.bench;
