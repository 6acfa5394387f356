/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * JMH benchmarks of jasyncio beside raw Netty, in the same JVM and the same run.
 *
 * <p>Each benchmark extends {@link io.jasyncio.bench.AbstractLoopBenchmark}: fixed forks, warm-up, measurement and JVM
 * arguments, a jasyncio loop that the benchmark thread runs ({@code runForever()} until the benchmark's callbacks call
 * {@code stop()}), and a raw Netty event loop on the same backend on its own thread. Packages: {@code loop} (dispatch:
 * callSoon, timers, future callbacks, callSoonThreadsafe) and {@code tasks} (the await round trip).
 *
 * <p>Run them with {@code ./jasyncio bench} followed by JMH's own options, for example {@code -prof gc};
 * {@code BENCHMARKING.md} lists one command per benchmark and {@code benchmarks/run-loop-benchmarks.sh} runs the loop
 * benchmarks and prints them as a table beside their Netty twins.
 */
package io.jasyncio.bench;
