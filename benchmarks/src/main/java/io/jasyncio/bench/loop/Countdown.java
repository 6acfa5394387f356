/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.EventLoop;
import java.util.concurrent.CompletableFuture;

/**
 * A callback that counts its runs down and, at zero, stops a jasyncio loop or completes a future: the benchmarks'
 * way to end an invocation exactly when the loop has run the whole batch. One instance is scheduled many times, so it
 * allocates nothing per run.
 *
 * <p>Threading: {@link #left} is written by the benchmark thread before the batch is handed over (the hand-off
 * publishes it) and then only by the loop thread.
 */
final class Countdown implements Runnable {
    /** Runs left before the batch is done. */
    int left;
    /** The loop to stop at zero, or {@code null}. */
    private final EventLoop stop;
    /** The future to complete at zero when {@link #stop} is {@code null}; set per batch. */
    CompletableFuture<Void> done;

    /**
     * A countdown that stops a loop at zero.
     *
     * @param stop the loop, or {@code null} to complete {@link #done} instead
     */
    Countdown(EventLoop stop) {
        this.stop = stop;
    }

    /**
     * Arms the countdown for a batch that completes a future.
     *
     * @param runs the runs in the batch
     * @return the future completed by the last run
     */
    CompletableFuture<Void> arm(int runs) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        done = f;
        left = runs;
        return f;
    }

    @Override
    public void run() {
        if (--left == 0) {
            if (stop != null) {
                stop.stop();
            } else {
                done.complete(null);
            }
        }
    }
}
