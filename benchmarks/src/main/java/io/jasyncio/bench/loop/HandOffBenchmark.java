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

/**
 * The fixed cost of one benchmark invocation, which the batched benchmarks share among their operations: for
 * jasyncio, one {@code runForever()} that runs one callback, which calls {@code stop()} (Netty's executor resumed on
 * the JMH thread and suspended again); for Netty, one task handed to its loop thread and a wait for it. Scores are per
 * invocation, not per operation.
 */
public class HandOffBenchmark extends AbstractLoopBenchmark {
    private Runnable stopper;

    @Override
    protected void afterLoopsStarted() {
        stopper = loop::stop;
    }

    /**
     * jasyncio: {@code callSoon(loop::stop)} then {@code runForever()} on the JMH thread.
     *
     * @return the loop, for JMH to consume
     */
    @Benchmark
    public Object loopRunStop() {
        loop.callSoon(stopper);
        loop.runForever();
        return loop;
    }

    /**
     * Netty: {@code execute} a task that completes a future, and wait for it.
     *
     * @return the task's completion
     */
    @Benchmark
    public Object nettyExecuteAndWait() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        netty.execute(() -> done.complete(null));
        return done.join();
    }
}
