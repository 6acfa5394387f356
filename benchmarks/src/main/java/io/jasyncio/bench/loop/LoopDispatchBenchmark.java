/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.Future;
import io.jasyncio.bench.AbstractLoopBenchmark;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.FutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Dispatch on the loop thread, jasyncio against raw Netty, in batches: the benchmark thread hands one batch to the loop
 * (one cross-thread hand-off for {@value #BATCH} operations, the same for both), the loop thread does the operations
 * and completes a {@link CompletableFuture}, the benchmark thread waits for it. Scores are per operation.
 *
 * <ul>
 * <li>{@code callSoon} / {@code nettyExecute}: schedule a no-op from the loop thread; all of the batch runs.</li>
 * <li>{@code callLaterCancel} / {@code nettyScheduleCancel}: schedule a timer 60 s away and cancel it.</li>
 * <li>{@code futureCallback} / {@code nettyPromiseListener}: a future, a done callback, a result, the callback run.</li>
 * </ul>
 */
public class LoopDispatchBenchmark extends AbstractLoopBenchmark {
    static final int BATCH = 10_000;

    private static final Runnable NOOP = () -> { };

    /** Schedules the rest of a callSoon batch from the loop thread, then completes. */
    private void callSoonBatch(CompletableFuture<Void> done) {
        Counter counter = new Counter(BATCH, done);
        for (int i = 0; i < BATCH; i++) {
            loop.callSoon(counter);
        }
    }

    /** Counts callbacks run; completes the batch at zero. */
    static final class Counter implements Runnable {
        private int left;
        private final CompletableFuture<Void> done;

        Counter(int left, CompletableFuture<Void> done) {
            this.left = left;
            this.done = done;
        }

        @Override
        public void run() {
            if (--left == 0) {
                done.complete(null);
            }
        }
    }

    /**
     * jasyncio {@code callSoon} from the loop thread, and the callback's run.
     *
     * @return the batch's completion, for JMH to consume
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object callSoon() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> callSoonBatch(done));
        return done.join();
    }

    /**
     * Netty {@code EventLoop.execute} from the loop thread, and the task's run.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object nettyExecute() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        netty.execute(() -> {
            Counter counter = new Counter(BATCH, done);
            for (int i = 0; i < BATCH; i++) {
                netty.execute(counter);
            }
        });
        return done.join();
    }

    /**
     * jasyncio {@code callLater} then {@code cancel}, from the loop thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object callLaterCancel() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.callLater(60.0, NOOP).cancel();
            }
            loop.callSoon(() -> done.complete(null)); // after the next iteration's purge
        });
        return done.join();
    }

    /**
     * Netty {@code schedule} then {@code cancel}, from the loop thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object nettyScheduleCancel() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        netty.execute(() -> {
            for (int i = 0; i < BATCH; i++) {
                ScheduledFuture<?> f = netty.schedule(NOOP, 60, java.util.concurrent.TimeUnit.SECONDS);
                f.cancel(false);
            }
            netty.execute(() -> done.complete(null));
        });
        return done.join();
    }

    /**
     * A jasyncio future with one done callback, completed; the callback runs.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object futureCallback() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            FutureCounter counter = new FutureCounter(BATCH, done);
            for (int i = 0; i < BATCH; i++) {
                Future<Object> f = loop.createFuture();
                f.addDoneCallback(counter);
                f.setResult(counter);
            }
        });
        return done.join();
    }

    /** Counts done callbacks. */
    static final class FutureCounter implements Consumer<Future<Object>>, FutureListener<Object> {
        private int left;
        private final CompletableFuture<Void> done;

        FutureCounter(int left, CompletableFuture<Void> done) {
            this.left = left;
            this.done = done;
        }

        @Override
        public void accept(Future<Object> f) {
            if (--left == 0) {
                done.complete(null);
            }
        }

        @Override
        public void operationComplete(io.netty.util.concurrent.Future<Object> f) {
            if (--left == 0) {
                done.complete(null);
            }
        }
    }

    /**
     * A Netty {@code DefaultPromise} with one listener, completed on the loop thread (Netty notifies inline there).
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object nettyPromiseListener() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        netty.execute(() -> {
            FutureCounter counter = new FutureCounter(BATCH, done);
            for (int i = 0; i < BATCH; i++) {
                DefaultPromise<Object> p = new DefaultPromise<>(netty);
                p.addListener(counter);
                p.setSuccess(counter);
            }
        });
        return done.join();
    }
}
