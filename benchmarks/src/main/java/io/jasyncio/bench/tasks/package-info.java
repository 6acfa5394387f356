/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Tasks: what an await costs, and how jasyncio's tasks compare with the JVM's own ways of writing the same code.
 *
 * <ul>
 * <li>{@code AwaitBenchmark}, {@code AwaitVirtualThreadBenchmark}: the cost of an await, a task suspending and being
 * resumed, on the continuation path and on the virtual-thread fallback, in batches of 10,000 awaits inside one
 * task.</li>
 * <li>The task shapes, each one class whose {@code @Benchmark} methods are the same code written three ways
 * ({@code jasyncio}, {@code virtualThreads}, {@code completableFuture}; see {@code AbstractTaskShapeBenchmark}), so
 * that one run compares them: {@code SpawnAwaitBenchmark} (spawn a task and await it), {@code GatherBenchmark}
 * ({@code gather} of 10,000 tasks), {@code LockHandoffBenchmark} (a lock handed between two tasks),
 * {@code QueuePingPongBenchmark} (a value sent back and forth through two queues). Run them with
 * {@code ./jasyncio bench -prof gc 'tasks\.(SpawnAwait|Gather|LockHandoff|QueuePingPong)Benchmark'}.</li>
 * <li>{@code SuspendedTaskMemoryBenchmark}: the heap each of 100,000 suspended tasks holds, beside 100,000 parked
 * virtual threads ({@code ./jasyncio bench SuspendedTaskMemory}).</li>
 * </ul>
 */
package io.jasyncio.bench.tasks;
