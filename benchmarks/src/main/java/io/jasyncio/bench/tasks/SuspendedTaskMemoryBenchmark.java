/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Event;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.netty.NettyEventLoop;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The heap a suspended task holds: {@value #COUNT} tasks suspended at once, each awaiting its own future
 * ({@code wait=future}), one shared {@link Event} ({@code event}) or {@code asyncio.sleep(3600)} ({@code sleep}),
 * beside as many virtual threads parked the same ways ({@code CompletableFuture.join()}, {@code CountDownLatch.await()},
 * {@code Thread.sleep}). The secondary result {@code bytesPerTask} is the heap in use after a full GC with all of them
 * suspended, less the heap in use after a full GC once they have all been woken, have finished and are let go,
 * divided by {@value #COUNT} (the mean over the measured shots): everything a
 * suspended task keeps alive (its task or thread object, its continuation's stack chunk, its waiter future, its timer,
 * its registry entry, its context). The primary score, the time to make and suspend them all, is a side note.
 *
 * <p>The fork uses the serial collector, whose full collection compacts the whole heap, so that the heap in use
 * after it is what is reachable, with no region or buffer slack.
 *
 * <p>Run: {@code ./jasyncio bench SuspendedTaskMemory} (one fork, two warm-up shots and five measured single shots each; each shot also prints its own figure,
 * which varies by some tens of percent from shot to shot: how much of each stack was compiled code when it froze).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SuspendedTaskMemoryBenchmark {
    /** How many tasks are suspended at once. */
    static final int COUNT = 100_000;

    /** What each task waits on: {@code future}, {@code event} or {@code sleep}. */
    @Param({"future", "event", "sleep"})
    public String wait;

    private EventLoop loop;

    /** The secondary result: bytes of heap per suspended task. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        /**
         * Heap bytes per suspended task, divided by the number of measured shots: JMH sums an auxiliary counter over
         * the measured iterations, so the result is their mean.
         */
        public double bytesPerTask;
        private int shots = 1;

        /**
         * Reads how many shots are measured.
         *
         * @param params the run's parameters
         */
        @Setup(Level.Trial)
        public void countShots(BenchmarkParams params) {
            shots = Math.max(1, params.getMeasurement().getCount());
        }

        void record(long bytes, String what, String wait) {
            double each = (double) bytes / COUNT;
            bytesPerTask = each / shots;
            System.out.printf("%n%,d %s suspended (wait=%s): %,.0f bytes each%n", COUNT, what, wait, each);
        }
    }

    /** Creates the loop. */
    @Setup(Level.Trial)
    public void start() {
        loop = new NettyEventLoop(LoopOptions.defaults().withDebug(false));
    }

    /** Closes the loop. */
    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() {
        loop.close();
    }

    /**
     * {@value #COUNT} jasyncio tasks suspended, measured, then woken and finished.
     *
     * @param footprint where the bytes per task go
     * @return the number of tasks that finished
     */
    @Benchmark
    public int jasyncio(Footprint footprint) {
        Task<?>[] tasks = new Task<?>[COUNT];
        Future<?>[] futures = new Future<?>[COUNT];
        Event[] event = {new Event()}; // a box, emptied before the last measurement with the arrays
        loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < COUNT; i++) {
                tasks[i] = loop.createTask(switch (wait) {
                    case "future" -> {
                        Future<Integer> f = loop.createFuture();
                        futures[i] = f;
                        yield () -> Asyncio.await(f);
                    }
                    case "event" -> {
                        Event e = event[0];
                        yield e::wait_;
                    }
                    default -> () -> Asyncio.sleep(3600, 1);
                });
            }
            Asyncio.sleep(0); // each task has run its first step and is suspended when this returns
            return null;
        }));
        long held = usedAfterGc();
        int finished = loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < COUNT; i++) {
                switch (wait) {
                    case "future" -> complete(futures[i], i);
                    case "event" -> event[0].set();
                    default -> tasks[i].cancel();
                }
            }
            int count = 0;
            for (Task<?> t : tasks) {
                try {
                    Asyncio.await(t);
                } catch (io.jasyncio.CancelledError e) {
                    // the sleep variant ends by cancellation
                }
                count++;
            }
            return count;
        }));
        Arrays.fill(tasks, null);
        Arrays.fill(futures, null);
        event[0] = null;
        footprint.record(held - usedAfterGc(), "jasyncio tasks", wait);
        return finished;
    }

    /**
     * {@value #COUNT} virtual threads parked, measured, then woken and joined.
     *
     * @param footprint where the bytes per thread go
     * @return the number of threads that finished
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public int virtualThreads(Footprint footprint) throws InterruptedException {
        Thread[] threads = new Thread[COUNT];
        CompletableFuture<?>[] futures = new CompletableFuture<?>[COUNT];
        CountDownLatch latch = new CountDownLatch(1);
        for (int i = 0; i < COUNT; i++) {
            Runnable body = switch (wait) {
                case "future" -> {
                    CompletableFuture<Integer> f = new CompletableFuture<>();
                    futures[i] = f;
                    yield f::join;
                }
                case "event" -> () -> {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
                default -> () -> {
                    try {
                        Thread.sleep(3_600_000);
                    } catch (InterruptedException e) {
                        // woken
                    }
                };
            };
            threads[i] = Thread.ofVirtual().start(body);
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
        }
        long held = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            switch (wait) {
                case "future" -> futures[i].complete(null);
                case "event" -> latch.countDown();
                default -> threads[i].interrupt();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        Arrays.fill(threads, null);
        Arrays.fill(futures, null);
        footprint.record(held - usedAfterGc(), "virtual threads", wait);
        return COUNT;
    }

    @SuppressWarnings("unchecked")
    private static void complete(Future<?> future, int value) {
        ((Future<Integer>) future).setResult(value);
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
