/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.jfr;

import io.jasyncio.EventLoop;
import io.jasyncio.Handle;
import io.jasyncio.spi.LoopInterceptor;

/**
 * Emits SlowCallback (naming the task when the callback was a task's step) and SlowPoll for one loop, with the loop's
 * {@code slowCallbackDuration} as threshold (debug mode or not). Installed only while a recording runs.
 */
final class JfrInterceptor implements LoopInterceptor {

    private static long slowNanos(EventLoop loop) {
        return (long) (loop.getSlowCallbackDuration() * 1e9);
    }

    /** The task whose step the current handle ran, if any (loop thread only). */
    private Object steppedTask;

    @Override
    public void beforeHandle(EventLoop loop, Handle handle) {
        steppedTask = null;
    }

    @Override
    public void beforeTaskStep(EventLoop loop, Object task) {
        steppedTask = task;
    }

    @Override
    public void afterHandle(EventLoop loop, Handle handle, long durationNanos) {
        if (durationNanos >= slowNanos(loop)) {
            JfrEvents.slowCallback(loop, handle, steppedTask, durationNanos);
        }
        steppedTask = null;
    }

    @Override
    public void afterPoll(EventLoop loop, long timeoutNanos, long durationNanos) {
        if (timeoutNanos >= 0 && durationNanos - timeoutNanos >= slowNanos(loop)) {
            JfrEvents.slowPoll(loop, timeoutNanos, durationNanos);
        }
    }

    @Override
    public void loopClosed(EventLoop loop) {
        JfrProvider.forget(loop);
    }

    @Override
    public String toString() {
        return "<JfrInterceptor>";
    }
}
