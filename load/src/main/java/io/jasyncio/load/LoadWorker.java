/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import io.jasyncio.EventLoop;
import io.jasyncio.Ticker;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The connections of one loop and what they measured. Everything here runs on that loop's thread; the run reads it
 * only through {@link #interval()} and {@link #finish()}, called on the loop.
 */
final class LoadWorker {
    /** The clock of every latency: monotonic, nanoseconds. */
    static final Ticker TICKER = Ticker.system();

    private final EventLoop loop;
    private final LoadOptions options;
    private final Workload workload;
    private final long intervalNanos;
    // Threading: the loop's thread only.
    private final List<LoadConnection> connections = new ArrayList<>();
    private final Histogram measured = Latencies.histogram();
    private final Histogram recent = Latencies.histogram();
    private long requests;
    private long bytes;
    private long recentRequests;
    private long errors;
    private String firstError;
    private int open;
    private boolean measuring;
    private long measuringSince;
    private boolean sending = true;

    LoadWorker(EventLoop loop, LoadOptions options, Workload workload) {
        this.loop = loop;
        this.options = options;
        this.workload = workload;
        this.intervalNanos = options.fixedRate() ? Math.max(1, (long) (1e9 * options.connections() / options.rate()))
                : 0;
    }

    EventLoop loop() {
        return loop;
    }

    LoadOptions options() {
        return options;
    }

    Workload workload() {
        return workload;
    }

    /** Per connection, fixed-rate: the time between two requests; 0 closed-loop. */
    long intervalNanos() {
        return intervalNanos;
    }

    boolean sending() {
        return sending;
    }

    /**
     * Opens connections; each starts sending once connected.
     *
     * @param indexes the connections' numbers in the whole run (spread their fixed-rate schedules)
     * @param done called on the loop once per connection, with {@code null} or why it failed
     */
    void connect(List<Integer> indexes, java.util.function.Consumer<Throwable> done) {
        for (int index : indexes) {
            long offset = intervalNanos * index / options.connections();
            loop.createConnection(() -> new LoadConnection(this, offset), options.host(), options.port())
                    .addDoneCallback(f -> {
                        Throwable exc = f.cancelled() ? new IllegalStateException("cancelled") : f.exception();
                        if (exc != null) {
                            error("cannot connect to " + options.host() + ":" + options.port() + ": "
                                    + describe(exc));
                        }
                        done.accept(exc);
                    });
        }
    }

    /** An exception's message, or its class when it has none. */
    static String describe(Throwable exc) {
        String m = exc.getMessage();
        return m == null || m.isEmpty() ? exc.getClass().getSimpleName() : m;
    }

    void opened(LoadConnection c) {
        connections.add(c);
        open++;
    }

    void closed(LoadConnection c, String problem) {
        if (connections.remove(c)) {
            open--;
        }
        if (problem != null && sending) {
            error(problem);
        }
    }

    void received(int n) {
        if (measuring) {
            bytes += n;
        }
    }

    void completed(long latencyNanos) {
        long l = Math.max(0, latencyNanos);
        recent.recordValue(l);
        recentRequests++;
        if (measuring) {
            measured.recordValue(l);
            requests++;
        }
    }

    void failedResponses(long n) {
        errors += n;
        if (firstError == null) {
            firstError = options.protocol().equals("redis") ? "the server replied with a RESP error"
                    : "the server replied with an HTTP status of 400 or more";
        }
    }

    void error(String problem) {
        errors++;
        if (firstError == null) {
            firstError = problem;
        }
    }

    /** From now on, what completes is measured. */
    void beginMeasuring() {
        recent.reset();
        recentRequests = 0;
        measured.reset();
        requests = 0;
        bytes = 0;
        measuring = true;
        measuringSince = TICKER.nanoTime();
    }

    /**
     * What happened since the last call, for the progress line.
     *
     * @return the interval's counts; the recent histogram starts again
     */
    Interval interval() {
        Interval i = new Interval(recentRequests, recent.copy(), errors, open);
        recent.reset();
        recentRequests = 0;
        return i;
    }

    /**
     * Ends the run on this loop: stops measuring and sending, and drops every connection.
     *
     * @return what was measured
     */
    Totals finish() {
        measuring = false;
        sending = false;
        Totals t = new Totals(TICKER.nanoTime() - measuringSince, measured.copy(), recent.copy(), requests, bytes,
                errors, firstError);
        for (LoadConnection c : List.copyOf(connections)) {
            c.close();
        }
        return t;
    }

    /**
     * One second of one loop.
     *
     * @param requests completed
     * @param latency their latencies
     * @param errors so far, in the whole run
     * @param open connections open
     */
    record Interval(long requests, Histogram latency, long errors, int open) {
    }

    /**
     * The measured part of one loop's run.
     *
     * @param elapsedNanos how long it measured
     * @param latency every latency measured
     * @param tail the latencies measured since the last {@link #interval()}
     * @param requests completed while measuring
     * @param bytes received while measuring
     * @param errors in the whole run
     * @param firstError the first error's description, or {@code null}
     */
    record Totals(long elapsedNanos, Histogram latency, Histogram tail, long requests, long bytes, long errors,
            String firstError) {
    }
}
