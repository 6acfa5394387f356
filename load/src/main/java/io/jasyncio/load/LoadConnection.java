/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import io.jasyncio.Protocol;
import io.jasyncio.TimerHandle;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;

/**
 * One connection of the load: sends requests, counts the responses, and times each against its send time.
 *
 * <p>Closed-loop, it keeps {@code pipeline} requests in flight: one goes out as one comes back. Fixed-rate, request
 * {@code i} is due at {@code start + i * interval}; it goes out then, or as soon as fewer than {@code pipeline} are in
 * flight, and its latency counts from when it was due, not from when it went out (the correction for coordinated
 * omission, as wrk2 does: a stalled server is charged for the requests it kept the client from sending).
 */
final class LoadConnection implements Protocol {
    private final LoadWorker worker;
    private final ResponseParser parser;
    private final ByteBuffer request;
    private final int pipeline;
    private final long intervalNanos;
    private final Runnable onTimer = this::onTimer;
    // Threading: the worker's loop only.
    /** Start times of the requests in flight, oldest at head: a ring of {@code pipeline} slots. */
    private final long[] started;
    private int head;
    private int inFlight;
    private long nextDue;
    private TimerHandle timer;
    private long failuresSeen;
    private Transport transport;
    private boolean closing;

    LoadConnection(LoadWorker worker, long firstDueOffsetNanos) {
        this.worker = worker;
        this.parser = worker.workload().parsers().get();
        this.request = worker.workload().request();
        this.pipeline = worker.options().pipeline();
        this.intervalNanos = worker.intervalNanos();
        this.started = new long[pipeline];
        this.nextDue = firstDueOffsetNanos;
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        long now = LoadWorker.TICKER.nanoTime();
        nextDue += now;
        worker.opened(this);
        fill(now);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        worker.received(data.remaining());
        int done;
        try {
            done = parser.feed(data);
        } catch (MalformedResponseException e) {
            fail(e.getMessage());
            return;
        }
        if (done > inFlight) {
            fail("the server sent more responses than requests");
            return;
        }
        long now = LoadWorker.TICKER.nanoTime();
        for (int i = 0; i < done; i++) {
            worker.completed(now - started[head]);
            head = head + 1 == pipeline ? 0 : head + 1;
            inFlight--;
        }
        long failures = parser.failures();
        if (failures != failuresSeen) {
            worker.failedResponses(failures - failuresSeen);
            failuresSeen = failures;
        }
        fill(now);
    }

    @Override
    public void connectionLost(Throwable exc) {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        worker.closed(this, closing ? null : exc == null ? "the server closed a connection" : "connection lost: "
                + LoadWorker.describe(exc));
        closing = true;
    }

    /** Stops sending and drops the connection: the end of the run. */
    void close() {
        closing = true;
        if (transport != null) {
            transport.abort();
        }
    }

    /** Sends what is due: closed-loop, up to {@code pipeline} in flight; fixed-rate, each due request. */
    private void fill(long now) {
        if (closing || !worker.sending()) {
            return;
        }
        if (intervalNanos == 0) {
            while (inFlight < pipeline) {
                send(now);
            }
            return;
        }
        while (inFlight < pipeline && nextDue <= now) {
            send(nextDue);
            nextDue += intervalNanos;
        }
        if (inFlight < pipeline && timer == null) {
            timer = worker.loop().callLater((nextDue - now) / 1e9, onTimer);
        }
    }

    private void onTimer() {
        timer = null;
        fill(LoadWorker.TICKER.nanoTime());
    }

    private void send(long startedAt) {
        int slot = head + inFlight;
        started[slot >= pipeline ? slot - pipeline : slot] = startedAt;
        inFlight++;
        transport.write(request);
    }

    private void fail(String problem) {
        worker.error(problem);
        closing = true;
        transport.abort();
    }
}
