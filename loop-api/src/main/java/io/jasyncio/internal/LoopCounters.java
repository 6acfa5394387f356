/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.spi.LoopStats;

/**
 * A loop's running totals for operators ({@link io.jasyncio.spi.LoopProbe#stats()}, the JMX bean): always on, plain
 * fields written only by the loop's thread (a task step, a callback, a transport's I/O callback), read from any
 * thread as recent values. Each count is one add where the loop already does the work it counts: no clock read, no
 * fence.
 */
public final class LoopCounters {
    // Threading: written by the loop thread only; other threads read possibly stale values.
    long iterations;
    long callbacksRun;
    long tasksCreated;
    private int transportsOpen;
    private int serversOpen;
    private long bytesRead;
    private long bytesWritten;

    LoopCounters() {
    }

    /**
     * A transport (or, with {@code server}, a server) opened.
     *
     * @param server whether it is a server
     */
    public void opened(boolean server) {
        if (server) {
            serversOpen++;
        } else {
            transportsOpen++;
        }
    }

    /**
     * A transport (or server) that {@link #opened} closed.
     *
     * @param server whether it is a server
     */
    public void closed(boolean server) {
        if (server) {
            serversOpen--;
        } else {
            transportsOpen--;
        }
    }

    /**
     * Bytes a transport read from its peer.
     *
     * @param n how many
     */
    public void read(long n) {
        bytesRead += n;
    }

    /**
     * Bytes a transport handed to its socket (or queued for it).
     *
     * @param n how many
     */
    public void written(long n) {
        bytesWritten += n;
    }

    LoopStats snapshot(int tasksPending) {
        return new LoopStats(iterations, callbacksRun, tasksCreated, tasksPending, transportsOpen, serversOpen,
                bytesRead, bytesWritten);
    }
}
