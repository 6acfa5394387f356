/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.LoopAccess;

/**
 * A callback scheduled at a point in time, returned by {@link EventLoop#callLater} and {@link EventLoop#callAt}.
 * Ordered by deadline, then by the order of scheduling: timers due at the same time run in the order they were made.
 *
 * @asyncio asyncio.TimerHandle
 *     Differences: equal deadlines keep their scheduling order (asyncio's heap leaves it unspecified).
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
    private final long whenNanos;
    private final long sequence;
    // Threading: loop thread only. True while the handle sits in the loop's timer heap.
    private boolean scheduled;

    /**
     * Creates a timer handle; only loops create them (through {@code HandleAccess}).
     *
     * @param whenNanos the deadline on the loop's ticker
     * @param sequence the loop's scheduling counter, to break ties
     * @param callback what to run
     * @param loop the loop it belongs to
     */
    TimerHandle(long whenNanos, long sequence, Runnable callback, BaseEventLoop loop) {
        super(callback, loop);
        this.whenNanos = whenNanos;
        this.sequence = sequence;
    }

    /**
     * The time at which the callback is scheduled, in the seconds of {@link EventLoop#time()}.
     *
     * @return the deadline
     * @asyncio TimerHandle.when()
     */
    public double when() {
        return whenNanos / 1e9;
    }

    /**
     * The deadline in the nanoseconds of the loop's {@link Ticker}.
     *
     * @return the deadline
     */
    public long whenNanos() {
        return whenNanos;
    }

    /**
     * Whether the handle sits in the loop's timer heap; loop internals set it.
     *
     * @return {@code true} while scheduled
     */
    public boolean isScheduled() {
        return scheduled;
    }

    /**
     * Marks the handle as in or out of the timer heap; only the loop's timer heap calls this.
     *
     * @param scheduled the new state
     */
    void setScheduled(boolean scheduled) {
        this.scheduled = scheduled;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            if (scheduled) {
                LoopAccess.timerHandleCancelled(baseLoop(), this);
            }
            super.cancel();
        }
    }

    @Override
    public int compareTo(TimerHandle o) {
        int c = Long.compare(whenNanos, o.whenNanos);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
        String state = describeState();
        return cancelled() ? "<TimerHandle cancelled when=" + when() + state.substring(" cancelled".length()) + ">"
                : "<TimerHandle when=" + when() + state + ">";
    }
}
