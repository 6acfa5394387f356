/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.bench.AbstractLoopBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The await round trip on the continuation path: a task suspends and is resumed by the loop. {@code sleepZero}: a
 * bare yield ({@code sleep(0)}: suspend, one callSoon, resume). {@code awaitFuture}: await a future that a callback
 * completes (suspend, done callback, wake-up step, resume). Scores are per await. The loop runs on the JMH thread
 * ({@code runUntilComplete}), once per batch of {@value #BATCH} awaits. {@code childTask}: a task's whole life, made,
 * suspended once, finished and awaited by its parent; the score is per child task.
 */
public class AwaitBenchmark extends AbstractLoopBenchmark {
    static final int BATCH = 10_000;

    /**
     * {@code sleep(0)} in a loop inside one task; the loop runs on the JMH thread until the task is done.
     *
     * @return the task's result
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object sleepZero() {
        return loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < BATCH; i++) {
                Asyncio.sleep(0);
            }
            return BATCH;
        }));
    }

    /**
     * Await a future completed by a callback scheduled just before; the loop runs on the JMH thread until the task is
     * done.
     *
     * @return the task's result
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object awaitFuture() {
        return loop.runUntilComplete(loop.createTask(() -> {
            int sum = 0;
            for (int i = 0; i < BATCH; i++) {
                Future<Integer> f = loop.createFuture();
                loop.callSoon(f::setResult, i);
                sum += Asyncio.await(f);
            }
            return sum;
        }));
    }

    /**
     * A child task that yields once and returns, awaited by its parent: creation, a first step, one suspension, the
     * last step and the parent's wake-up, per child.
     *
     * @return the parent's result
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object childTask() {
        return loop.runUntilComplete(loop.createTask(() -> {
            int sum = 0;
            for (int i = 0; i < BATCH; i++) {
                Task<Integer> child = loop.createTask(() -> {
                    Asyncio.sleep(0);
                    return 1;
                });
                sum += Asyncio.await(child);
            }
            return sum;
        }));
    }
}
