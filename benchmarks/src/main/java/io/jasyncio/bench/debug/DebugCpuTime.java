/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.debug;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.spi.LoopInterceptor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link DebugCostBenchmark}'s {@code callSoonChain} and {@code awaitFuture} timed on the loop thread's CPU clock
 * rather than the wall clock: on a machine shared with other work the thread's CPU time hardly grows when it waits for
 * a core, so the modes compare even there. It prints the best of the rounds, per callback and per await, for each mode
 * named on the command line ({@code off}, {@code noop}, {@code empty}, {@code debug}; all four by default):
 *
 * <pre>
 * ./jasyncio build
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -cp "$(cat .jasyncio/benchmarks.cp)" \
 *     io.jasyncio.bench.debug.DebugCpuTime off empty debug
 * </pre>
 *
 * The JMH benchmark stays the reference (on a quiet machine); this one is for telling a change's effect apart from
 * the noise. Its stack is shallower than JMH's, so a creation site there costs less than under JMH.
 */
public final class DebugCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 25;
    private static final int CHAIN = 20_000;

    private DebugCpuTime() {
    }

    /**
     * Runs the modes.
     *
     * @param args the modes, all four when none is named
     */
    public static void main(String[] args) {
        String[] modes = args.length == 0 ? new String[] {"off", "noop", "empty", "debug"} : args;
        for (String mode : modes) {
            try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(false))) {
                watch(loop, mode);
                long chain = Long.MAX_VALUE;
                long await = Long.MAX_VALUE;
                for (int r = 0; r < ROUNDS; r++) {
                    chain = Math.min(chain, chain(loop));
                    await = Math.min(await, await(loop));
                }
                System.out.printf("%-6s callSoonChain %6d ns  awaitFuture %6d ns  (loop thread CPU, best of %d)%n",
                        mode, chain, await, ROUNDS);
            }
        }
    }

    private static void watch(EventLoop loop, String mode) {
        switch (mode) {
            case "off" -> { }
            case "noop" -> loop.addInterceptor(new LoopInterceptor() { });
            case "empty" -> loop.addInterceptor(new DebugCostBenchmark.EmptyInterceptor());
            case "debug" -> loop.setDebug(true);
            default -> throw new IllegalArgumentException("mode: off, noop, empty or debug, got " + mode);
        }
    }

    /** One callback an iteration, as {@code DebugCostBenchmark.callSoonChain}: CPU nanoseconds per callback. */
    private static long chain(EventLoop loop) {
        int[] left = {CHAIN};
        Runnable[] link = new Runnable[1];
        link[0] = () -> {
            if (--left[0] > 0) {
                loop.callSoon(link[0]);
            } else {
                loop.stop();
            }
        };
        long t0 = THREADS.getCurrentThreadCpuTime();
        loop.callSoon(link[0]);
        loop.runForever();
        return (THREADS.getCurrentThreadCpuTime() - t0) / CHAIN;
    }

    /** A task awaits futures that callbacks complete, as {@code DebugCostBenchmark.awaitFuture}: per await. */
    private static long await(EventLoop loop) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        DebugCostBenchmark.awaitFutures(loop);
        return (THREADS.getCurrentThreadCpuTime() - t0) / DebugCostBenchmark.AWAITS;
    }
}
