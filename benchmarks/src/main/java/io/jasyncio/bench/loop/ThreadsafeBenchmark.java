/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.bench.AbstractLoopBenchmark;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Scheduling from another thread: the benchmark thread calls jasyncio's {@code callSoonThreadsafe} (or Netty's
 * {@code execute}) {@value #BATCH} times while the loop thread runs the callbacks; the operation ends when the loop has
 * run the whole batch. Scores are per callback.
 */
public class ThreadsafeBenchmark extends AbstractLoopBenchmark {
    static final int BATCH = 10_000;

    /**
     * jasyncio {@code callSoonThreadsafe} from the benchmark thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object callSoonThreadsafe() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        LoopDispatchBenchmark.Counter counter = new LoopDispatchBenchmark.Counter(BATCH, done);
        for (int i = 0; i < BATCH; i++) {
            loop.callSoonThreadsafe(counter);
        }
        return done.join();
    }

    /**
     * Netty {@code execute} from the benchmark thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object nettyExecuteFromOtherThread() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        LoopDispatchBenchmark.Counter counter = new LoopDispatchBenchmark.Counter(BATCH, done);
        for (int i = 0; i < BATCH; i++) {
            netty.execute(counter);
        }
        return done.join();
    }
}
