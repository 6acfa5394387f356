/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.strict;

import io.jasyncio.EventLoop;
import io.jasyncio.debug.DebugLog;
import io.jasyncio.debug.dump.TaskDump;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timer armed by {@link StrictMode#dumpOnTimeout}: at the deadline it takes a {@link TaskDump} of the loop (from its
 * own thread, so it works while the loop thread is stuck) and logs it as an error to the {@code asyncio} logger. Closing it disarms it.
 */
public final class TimeoutDump implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon().name("jasyncio-dump-on-timeout").unstarted(r));

    private final ScheduledFuture<?> pending;
    private volatile TaskDump dump;

    private TimeoutDump(EventLoop loop, Duration timeout, Runnable then) {
        pending = TIMER.schedule(() -> {
            TaskDump d = TaskDump.of(loop);
            dump = d;
            DebugLog.LOGGER.error("Timed out after {} s; {}",
                    String.format(java.util.Locale.ROOT, "%.3f", timeout.toNanos() / 1e9), d.text());
            if (then != null) {
                then.run();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    static TimeoutDump arm(EventLoop loop, Duration timeout, Runnable then) {
        return new TimeoutDump(loop, timeout, then);
    }

    /**
     * The dump taken at the deadline.
     *
     * @return the dump, or {@code null} while the deadline has not passed
     */
    public TaskDump dump() {
        return dump;
    }

    /**
     * Whether the deadline passed (and the dump was logged).
     *
     * @return {@code true} after the timeout
     */
    public boolean timedOut() {
        return dump != null;
    }

    /** Disarms the timer. */
    @Override
    public void close() {
        pending.cancel(false);
    }
}
