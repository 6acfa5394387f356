/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.netty.NettyEventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The base of the task-shape benchmarks: one shape of concurrent code written three ways, each a {@code @Benchmark}
 * method of the same class so that one run compares them.
 *
 * <ul>
 * <li>{@code jasyncio}: tasks on a jasyncio loop ({@link #loop}, default transport, debug off), run on the JMH thread
 * with {@code runUntilComplete} once per batch, as an asyncio program runs its loop.</li>
 * <li>{@code virtualThreads}: the same shape on plain virtual threads and {@code java.util.concurrent}; the batch runs
 * inside one virtual thread that the JMH thread joins, as the jasyncio batch runs inside one task.</li>
 * <li>{@code completableFuture}: the same shape as a chain of {@code CompletableFuture}s whose steps run on one
 * thread ({@link #executor}, a single-thread executor), the closest the JDK's futures come to one event loop.</li>
 * </ul>
 *
 * <p>Each invocation runs a batch of {@value #BATCH} operations; scores are per operation. One fork, 3 warm-up and 5
 * measurement iterations of one second, as the loop benchmarks; JMH's options override them.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class AbstractTaskShapeBenchmark {
    /** Operations per invocation. */
    static final int BATCH = 10_000;

    /** The jasyncio loop; not running between invocations. */
    protected EventLoop loop;
    /** The one thread that runs the {@code completableFuture} variant's steps. */
    protected ExecutorService executor;

    /** Creates the loop and the executor. */
    @Setup(Level.Trial)
    public final void start() {
        loop = new NettyEventLoop(LoopOptions.defaults().withDebug(false));
        executor = Executors.newSingleThreadExecutor();
    }

    /**
     * Closes the loop and the executor.
     *
     * @throws InterruptedException if interrupted while the executor ends
     */
    @TearDown(Level.Trial)
    public final void stop() throws InterruptedException {
        loop.close();
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A body of the {@code virtualThreads} variant. */
    @FunctionalInterface
    interface VirtualBody {
        /**
         * Runs the batch.
         *
         * @return its result
         * @throws Exception on failure
         */
        long run() throws Exception;
    }

    /**
     * Runs a batch inside one virtual thread and waits for it, from the JMH thread.
     *
     * @param body the batch
     * @return the batch's result
     * @throws Exception on the batch's failure
     */
    static long inVirtualThread(VirtualBody body) throws Exception {
        long[] result = new long[1];
        Exception[] failure = new Exception[1];
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                result[0] = body.run();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }
}
