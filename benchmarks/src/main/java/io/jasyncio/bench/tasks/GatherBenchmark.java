/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Run {@value #BATCH} children at once and wait for all of them: {@code gather(*children)} against as many virtual
 * threads joined in turn, and {@code allOf} over as many {@code supplyAsync}s. Each child gives up its thread once
 * ({@code sleep(0)}, {@code Thread.yield()}, a second {@code thenApplyAsync} step), so all are alive together; the
 * score is per child.
 */
@OperationsPerInvocation(AbstractTaskShapeBenchmark.BATCH)
public class GatherBenchmark extends AbstractTaskShapeBenchmark {

    /**
     * jasyncio: {@code gather} of {@value #BATCH} tasks.
     *
     * @return the sum of the children's results
     */
    @Benchmark
    public long jasyncio() {
        return loop.runUntilComplete(loop.createTask(() -> {
            List<Task<Integer>> children = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int v = i;
                children.add(loop.createTask(() -> {
                    Asyncio.sleep(0);
                    return v;
                }));
            }
            long sum = 0;
            for (int r : Asyncio.await(Asyncio.gather(children))) {
                sum += r;
            }
            return sum;
        }));
    }

    /**
     * Virtual threads: {@value #BATCH} started, then joined.
     *
     * @return the sum of the children's results
     * @throws Exception on failure
     */
    @Benchmark
    public long virtualThreads() throws Exception {
        return inVirtualThread(() -> {
            int[] results = new int[BATCH];
            Thread[] threads = new Thread[BATCH];
            for (int i = 0; i < BATCH; i++) {
                int v = i;
                threads[i] = Thread.ofVirtual().start(() -> {
                    Thread.yield();
                    results[v] = v;
                });
            }
            long sum = 0;
            for (int i = 0; i < BATCH; i++) {
                threads[i].join();
                sum += results[i];
            }
            return sum;
        });
    }

    /**
     * CompletableFuture: {@value #BATCH} two-step chains on the executor, then {@code allOf}.
     *
     * @return the sum of the children's results
     */
    @Benchmark
    public long completableFuture() {
        List<CompletableFuture<Integer>> children = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int v = i;
            children.add(CompletableFuture.supplyAsync(() -> v, executor).thenApplyAsync(x -> x, executor));
        }
        return CompletableFuture.allOf(children.toArray(new CompletableFuture<?>[0])).thenApply(ignored -> {
            long sum = 0;
            for (CompletableFuture<Integer> c : children) {
                sum += c.join();
            }
            return sum;
        }).join();
    }
}
