/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.debug;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.bench.AbstractLoopBenchmark;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.spi.LoopInterceptor;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * What watching the loop costs: {@code callSoon} dispatch (chain and burst, as {@code CallSoonBenchmark}) and the
 * await round trip (as {@code AwaitBenchmark}), in one JVM, with the loop in four modes:
 *
 * <ul>
 * <li>{@code off}: debug mode off, no interceptor: the plain path;</li>
 * <li>{@code noop}: one interceptor that does nothing: the watched path's own cost (hook calls, clock reads);</li>
 * <li>{@code debug}: debug mode on, with every debug-mode check of the class path;</li>
 * <li>{@code watchdog}: debug mode off, the stall watchdog only (threshold 100 ms, no interceptor), as in
 * production.</li>
 * </ul>
 *
 * Scores are per callback or per await.
 */
public class DebugCostBenchmark extends AbstractLoopBenchmark {
    static final int CHAIN = 10_000;
    static final int BURST = 1_000;
    static final int ROUNDS = 100;
    static final int AWAITS = 10_000;

    /** How the loop is watched. */
    @Param({"off", "noop", "debug", "watchdog"})
    public String mode;

    private Watchdog watchdog;
    private Chain chain;
    private Burst burst;
    private Counter counter;

    @Override
    protected void afterLoopsStarted() {
        switch (mode) {
            case "off" -> { }
            case "noop" -> loop.addInterceptor(new LoopInterceptor() { });
            case "debug" -> loop.setDebug(true);
            case "watchdog" -> watchdog = Watchdog.install(loop, Duration.ofMillis(100));
            default -> throw new IllegalArgumentException("mode: off, noop, debug or watchdog, got " + mode);
        }
        chain = new Chain(loop);
        counter = new Counter(loop);
        burst = new Burst(loop, counter);
    }

    @Override
    protected void beforeLoopsClosed() {
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /**
     * A callback that reschedules itself: one loop iteration per callback.
     *
     * @return the links left, 0
     */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public int callSoonChain() {
        Chain c = chain;
        c.left = CHAIN;
        loop.callSoon(c);
        loop.runForever();
        checkDone(c.left);
        return c.left;
    }

    /**
     * Bursts of {@value #BURST} callbacks, each burst run in one iteration.
     *
     * @return the callbacks left, 0
     */
    @Benchmark
    @OperationsPerInvocation(BURST * ROUNDS)
    public int callSoonBurst() {
        counter.left = BURST * ROUNDS;
        burst.rounds = ROUNDS;
        loop.callSoon(burst);
        loop.runForever();
        checkDone(counter.left);
        return counter.left;
    }

    /**
     * A task awaits a future that a callback completes: suspend, done callback, wake-up step, resume.
     *
     * @return the task's result
     */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object awaitFuture() {
        return loop.runUntilComplete(loop.createTask(() -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                Future<Integer> f = loop.createFuture();
                loop.callSoon(f::setResult, i);
                sum += Asyncio.await(f);
            }
            return sum;
        }));
    }

    /** Reschedules itself, stops the loop at the end. */
    private static final class Chain implements Runnable {
        private final EventLoop loop;
        int left;

        Chain(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            if (--left > 0) {
                loop.callSoon(this);
            } else {
                loop.stop();
            }
        }
    }

    /** Counts down, stops the loop at zero. */
    private static final class Counter implements Runnable {
        private final EventLoop loop;
        int left;

        Counter(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            if (--left == 0) {
                loop.stop();
            }
        }
    }

    /** {@value #BURST} callbacks, then itself while rounds are left. */
    private static final class Burst implements Runnable {
        private final EventLoop loop;
        private final Counter counter;
        int rounds;

        Burst(EventLoop loop, Counter counter) {
            this.loop = loop;
            this.counter = counter;
        }

        @Override
        public void run() {
            for (int i = 0; i < BURST; i++) {
                loop.callSoon(counter);
            }
            if (--rounds > 0) {
                loop.callSoon(this);
            }
        }
    }
}
