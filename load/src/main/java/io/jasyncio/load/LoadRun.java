/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A whole run: the loops on their threads, the connections spread over them, warm-up, measurement, report. The
 * calling thread only keeps time and prints the progress line; it reads the loops' counts by a call on each loop.
 */
public final class LoadRun {
    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private LoadRun() {
    }

    /**
     * Runs the load and measures it.
     *
     * @param options what to run
     * @param progress where the progress line goes once a second, or {@code null} for none
     * @return what was measured
     * @throws IllegalStateException when no connection could be made, naming the target and the cause
     */
    public static LoadResult run(LoadOptions options, PrintStream progress) {
        return run(options, Workload.of(options), progress);
    }

    /**
     * Runs a workload of one's own: one's request and one's response parser (see {@link Workload}), with the
     * options' connections, duration, rate and pipeline. The options' protocol only names the errors in the report.
     *
     * @param options what to run, and against which target
     * @param workload the request and the parser of its responses
     * @param progress where the progress line goes once a second, or {@code null} for none
     * @return what was measured
     * @throws IllegalStateException when no connection could be made, naming the target and the cause
     */
    public static LoadResult run(LoadOptions options, Workload workload, PrintStream progress) {
        LoopOptions loopOptions = options.transport() == null ? LoopOptions.defaults()
                : LoopOptions.defaults().withTransport(options.transport());
        try (LoopGroup group = new LoopGroup(options.loops(), loopOptions).start()) {
            List<LoadWorker> workers = new ArrayList<>();
            for (EventLoop loop : group.loops()) {
                workers.add(new LoadWorker(loop, options, workload));
            }
            connect(options, workers);
            long start = LoadWorker.TICKER.nanoTime();
            tick(workers, start, start + options.warmupNanos(), "warm-up", progress, null, 0, null);
            long serverCpu = options.serverPid() > 0 ? ProcessCpu.nanos(options.serverPid()) : -1;
            long clientCpu = ProcessCpu.nanos(0);
            for (LoadWorker w : workers) {
                onLoop(w.loop(), () -> {
                    w.beginMeasuring();
                    return null;
                });
            }
            long measureStart = LoadWorker.TICKER.nanoTime();
            long measureStartMillis = System.currentTimeMillis();
            List<LoadWorker.Totals> totals = new ArrayList<>();
            List<LoadResult.Second> timeline = new ArrayList<>();
            try (Latencies.IntervalLog log = options.hlog() == null ? null
                    : new Latencies.IntervalLog(options.hlog(), measureStartMillis)) {
                long lastMillis = tick(workers, measureStart, measureStart + options.durationNanos(), "", progress,
                        log, measureStartMillis, timeline);
                for (LoadWorker w : workers) {
                    totals.add(onLoop(w.loop(), w::finish));
                }
                Histogram tail = Latencies.histogram();
                for (LoadWorker.Totals t : totals) {
                    tail.add(t.tail());
                }
                long end = LoadWorker.TICKER.nanoTime();
                double since = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).endSeconds();
                double tailSeconds = (end - measureStart) / 1e9 - since;
                if (tail.getTotalCount() > 0 && tailSeconds > 0) {
                    timeline.add(new LoadResult.Second(since + tailSeconds, tail.getTotalCount() / tailSeconds,
                            tail.getValueAtPercentile(99) / 1e3));
                }
                if (log != null) {
                    log.append(tail, lastMillis, System.currentTimeMillis());
                }
            }
            long serverCpuEnd = serverCpu >= 0 ? ProcessCpu.nanos(options.serverPid()) : -1;
            long clientCpuEnd = ProcessCpu.nanos(0);
            for (LoadWorker w : workers) {
                onLoop(w.loop(), () -> null); // let the aborted connections tell their protocols
            }
            Histogram latency = Latencies.histogram();
            long elapsed = 0;
            long requests = 0;
            long bytes = 0;
            long errors = 0;
            String firstError = null;
            for (LoadWorker.Totals t : totals) {
                latency.add(t.latency());
                elapsed = Math.max(elapsed, t.elapsedNanos());
                requests += t.requests();
                bytes += t.bytes();
                errors += t.errors();
                if (firstError == null) {
                    firstError = t.firstError();
                }
            }
            return new LoadResult(options, elapsed, latency, requests, bytes, errors, firstError,
                    serverCpu >= 0 && serverCpuEnd >= 0 ? serverCpuEnd - serverCpu : -1,
                    clientCpu >= 0 && clientCpuEnd >= 0 ? clientCpuEnd - clientCpu : -1, List.copyOf(timeline));
        }
    }

    /** Opens every connection, round robin over the loops, and waits until each is made or failed. */
    private static void connect(LoadOptions options, List<LoadWorker> workers) {
        int n = options.connections();
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        for (int w = 0; w < workers.size(); w++) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = w; i < n; i += workers.size()) {
                indexes.add(i);
            }
            LoadWorker worker = workers.get(w);
            worker.loop().callSoonThreadsafe(() -> worker.connect(indexes, exc -> {
                if (exc != null) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, exc);
                }
                done.countDown();
            }));
        }
        try {
            if (!done.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(done.getCount() + " of " + n + " connections to " + options.host()
                        + ":" + options.port() + " not made within " + CONNECT_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        }
        if (failed.get() == n) {
            throw new IllegalStateException("cannot connect to " + options.host() + ":" + options.port() + ": "
                    + LoadWorker.describe(firstFailure.get()), firstFailure.get());
        }
    }

    /**
     * Waits until {@code end}; at each whole second, gathers the loops' latest interval, prints it as a progress line
     * and appends it to the interval log and the timeline, when there is any of them.
     *
     * @return the wall-clock time of the last interval's end, milliseconds since the epoch
     */
    private static long tick(List<LoadWorker> workers, long start, long end, String phase, PrintStream progress,
            Latencies.IntervalLog log, long startMillis, List<LoadResult.Second> timeline) {
        long last = start;
        long lastMillis = startMillis;
        long next = start;
        while (true) {
            long now = LoadWorker.TICKER.nanoTime();
            if (now >= end) {
                return lastMillis;
            }
            next = Math.min(end, next + 1_000_000_000L);
            sleep(next - now);
            if ((progress == null && log == null && timeline == null) || next == end) {
                continue;
            }
            Histogram latency = Latencies.histogram();
            long requests = 0;
            long errors = 0;
            int open = 0;
            for (LoadWorker w : workers) {
                LoadWorker.Interval i = onLoop(w.loop(), w::interval);
                latency.add(i.latency());
                requests += i.requests();
                errors += i.errors();
                open += i.open();
            }
            now = LoadWorker.TICKER.nanoTime();
            long nowMillis = System.currentTimeMillis();
            if (log != null) {
                log.append(latency, lastMillis, nowMillis);
            }
            if (timeline != null) {
                timeline.add(new LoadResult.Second((now - start) / 1e9, requests / ((now - last) / 1e9),
                        latency.getValueAtPercentile(99) / 1e3));
            }
            if (progress != null) {
                progress.printf(Locale.ROOT, "load: %4ds %-7s %,10.0f req/s  p50 %,.0f us  p99 %,.0f us  %d open  %d"
                                + " errors%n", (next - start) / 1_000_000_000L, phase,
                        requests / ((now - last) / 1e9), latency.getValueAtPercentile(50) / 1e3,
                        latency.getValueAtPercentile(99) / 1e3, open, errors);
            }
            last = now;
            lastMillis = nowMillis;
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code work} on the loop's thread and returns its result. */
    private static <T> T onLoop(EventLoop loop, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a loop failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a loop did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
