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
import io.jasyncio.Handle;
import io.jasyncio.bench.AbstractLoopBenchmark;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.spi.LoopInterceptor;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * What watching the loop costs: {@code callSoon} dispatch (chain and burst, as {@code CallSoonBenchmark}) and the
 * await round trip on the continuation path (as {@code AwaitBenchmark}), in one run, with the loop in these modes:
 *
 * <ul>
 * <li>{@code off}: debug mode off, no interceptor, no recording: the plain path, the yardstick of every other mode;</li>
 * <li>{@code noop}: one interceptor that overrides nothing ({@code new LoopInterceptor() { }}): the loop sees that
 *     it has nothing to time and stays on its plain path;</li>
 * <li>{@code empty}: one interceptor whose iteration hooks ({@code beforeHandle}, {@code afterHandle},
 *     {@code beforePoll}, {@code afterPoll}, {@code afterIteration}) are empty: the watched path's own cost (hook
 *     calls, clock reads);</li>
 * <li>{@code debug}: debug mode on, with every debug-mode check of the class path (creation sites, wrong-thread
 *     checks, slow callbacks, the monitor check of awaits on its budget);</li>
 * <li>{@code watchdog}: debug mode off, the stall watchdog only (threshold 100 ms, no interceptor), as in
 *     production;</li>
 * <li>{@code jfrDisabled}: a JFR recording runs with the JDK's {@code default} settings and jasyncio's
 *     {@code io.jasyncio.*} events disabled, as a service that keeps a recording on all the time;</li>
 * <li>{@code jfrEnabled}: the same recording with jasyncio's events enabled (their default): the JFR interceptor
 *     puts the loop on the watched path.</li>
 * </ul>
 *
 * Scores are per callback or per await; compare each mode with {@code off} of the same run. With {@code -prof gc} the
 * allocation tells where {@code debug}'s time goes: nearly all of it is the creation sites, two per await (the future's
 * and its {@code callSoon} handle's; the handle that wakes the task records none) and one per callback. Each is a JVM
 * backtrace of the whole stack, 0.69 KB for each 32 frames and time in proportion to the depth; a task's code runs on
 * the loop's stack, which here starts with JMH's own dozen frames, so an await's sites take two such blocks each.
 *
 * <p>The goals: await
 * with {@code debug} at most 2 µs, {@code callSoonChain} with {@code debug} at most 1 µs, {@code empty} at most 2x
 * {@code off}, {@code jfrDisabled} at most 5% over {@code off}.
 */
public class DebugCostBenchmark extends AbstractLoopBenchmark {
    static final int CHAIN = 10_000;
    static final int BURST = 1_000;
    static final int ROUNDS = 100;
    static final int AWAITS = 10_000;
    /** jasyncio's JFR events. */
    static final String[] JASYNCIO_EVENTS = {"io.jasyncio.LoopStall", "io.jasyncio.SlowCallback",
        "io.jasyncio.SlowPoll", "io.jasyncio.TaskDestroyedPending", "io.jasyncio.ExceptionNeverRetrieved",
        "io.jasyncio.ResourceNotClosed"};

    /** How the loop is watched. */
    @Param({"off", "noop", "empty", "debug", "watchdog", "jfrDisabled", "jfrEnabled"})
    public String mode;

    private Watchdog watchdog;
    private Recording recording;
    private Chain chain;
    private Burst burst;
    private Counter counter;

    @Override
    protected void afterLoopsStarted() throws Exception {
        switch (mode) {
            case "off" -> { }
            case "noop" -> loop.addInterceptor(new LoopInterceptor() { });
            case "empty" -> loop.addInterceptor(new EmptyInterceptor());
            case "debug" -> loop.setDebug(true);
            case "watchdog" -> watchdog = Watchdog.install(loop, Duration.ofMillis(100));
            case "jfrDisabled", "jfrEnabled" -> {
                recording = new Recording(Configuration.getConfiguration("default"));
                if (mode.equals("jfrDisabled")) {
                    for (String event : JASYNCIO_EVENTS) {
                        recording.disable(event);
                    }
                }
                recording.start();
            }
            default -> throw new IllegalArgumentException(
                    "mode: off, noop, empty, debug, watchdog, jfrDisabled or jfrEnabled, got " + mode);
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
        if (recording != null) {
            recording.close();
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
        return awaitFutures(loop);
    }

    /**
     * The await workload, shared with {@code DebugCpuTime}: a task awaits {@value #AWAITS} futures, each completed by
     * a callback.
     *
     * @param loop the loop, not running
     * @return the sum of the results
     */
    static int awaitFutures(EventLoop loop) {
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

    /** Overrides the hooks of the iteration with empty bodies: the loop takes its watched path and times each one. */
    static final class EmptyInterceptor implements LoopInterceptor {
        @Override
        public void beforeHandle(EventLoop l, Handle handle) {
        }

        @Override
        public void afterHandle(EventLoop l, Handle handle, long durationNanos) {
        }

        @Override
        public void beforePoll(EventLoop l, long timeoutNanos) {
        }

        @Override
        public void afterPoll(EventLoop l, long timeoutNanos, long durationNanos) {
        }

        @Override
        public void afterIteration(EventLoop l, int handles, long durationNanos) {
        }
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
