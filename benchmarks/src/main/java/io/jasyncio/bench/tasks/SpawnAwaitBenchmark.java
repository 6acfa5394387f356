/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Spawn a child and wait for its end, {@value #BATCH} times in a row: {@code await loop.create_task(child())} against
 * {@code Thread.ofVirtual().start(child).join()} and {@code supplyAsync(child, executor)} chained to the next one. The
 * child returns at once; the score is per child.
 */
@OperationsPerInvocation(AbstractTaskShapeBenchmark.BATCH)
public class SpawnAwaitBenchmark extends AbstractTaskShapeBenchmark {

    /**
     * jasyncio: a parent task creates each child and awaits it.
     *
     * @return the sum of the children's results
     */
    @Benchmark
    public long jasyncio() {
        return loop.runUntilComplete(loop.createTask(() -> {
            long sum = 0;
            for (int i = 0; i < BATCH; i++) {
                int v = i;
                Task<Integer> child = loop.createTask(() -> v);
                sum += Asyncio.await(child);
            }
            return sum;
        }));
    }

    /**
     * Virtual threads: a parent virtual thread starts each child and joins it.
     *
     * @return the sum of the children's results
     * @throws Exception on failure
     */
    @Benchmark
    public long virtualThreads() throws Exception {
        return inVirtualThread(() -> {
            long sum = 0;
            int[] box = new int[1];
            for (int i = 0; i < BATCH; i++) {
                int v = i;
                Thread child = Thread.ofVirtual().start(() -> box[0] = v);
                child.join();
                sum += box[0];
            }
            return sum;
        });
    }

    /**
     * CompletableFuture: each child is {@code supplyAsync} on the executor, and its completion spawns the next.
     *
     * @return the sum of the children's results
     */
    @Benchmark
    public long completableFuture() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        spawn(0, 0, done);
        return done.join();
    }

    private void spawn(int i, long sum, CompletableFuture<Long> done) {
        int v = i;
        CompletableFuture.supplyAsync(() -> v, executor).whenComplete((r, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else if (i + 1 == BATCH) {
                done.complete(sum + r);
            } else {
                spawn(i + 1, sum + r, done);
            }
        });
    }
}
