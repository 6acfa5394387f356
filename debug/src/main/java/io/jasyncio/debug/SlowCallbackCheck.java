/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.Handle;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;

/**
 * Callbacks, task steps and iterations slower than the loop's {@code slowCallbackDuration} (0.1 s by default), logged
 * at WARN as asyncio's {@code _run_once} does: "Executing &lt;Handle ...&gt; took 0.150 seconds". A callback that ran a
 * task step is named by the task, as asyncio's {@code _format_handle} does. An iteration whose callbacks are each fast
 * but together slow is logged once: "Executing 1200 callbacks took 0.130 seconds".
 *
 * <p>Durations are on the loop's ticker, so a test moves a {@code MockTicker} instead of sleeping.
 */
public final class SlowCallbackCheck implements LoopInterceptor {
    /** The task of the first step begun inside the running callback: the outermost of nested eager steps. */
    private Object steppedTask;
    /** Whether a callback of this iteration was already logged as slow. */
    private boolean loggedThisIteration;

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public SlowCallbackCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new SlowCallbackCheck();
        }
    }

    private static long thresholdNanos(EventLoop loop) {
        return (long) (loop.getSlowCallbackDuration() * 1e9);
    }

    @Override
    public void beforeHandle(EventLoop loop, Handle handle) {
        steppedTask = null;
    }

    @Override
    public void beforeTaskStep(EventLoop loop, Object task) {
        if (steppedTask == null) {
            steppedTask = task; // the first step of the callback is the outermost: an eager step nests in it
        }
    }

    @Override
    public void afterHandle(EventLoop loop, Handle handle, long durationNanos) {
        Object task = steppedTask;
        steppedTask = null;
        if (durationNanos >= thresholdNanos(loop)) {
            loggedThisIteration = true;
            io.jasyncio.debug.dump.DebugCounts.slowCallback(loop);
            DebugLog.LOGGER.warn("Executing {} took {} seconds", task != null ? task : handle,
                    DebugLog.seconds(durationNanos));
        }
    }

    @Override
    public void afterIteration(EventLoop loop, int handles, long durationNanos) {
        boolean logged = loggedThisIteration;
        loggedThisIteration = false;
        if (!logged && handles > 1 && durationNanos >= thresholdNanos(loop)) {
            DebugLog.LOGGER.warn("Executing {} callbacks took {} seconds", handles, DebugLog.seconds(durationNanos));
        }
    }

    @Override
    public String toString() {
        return "SlowCallbackCheck";
    }
}
