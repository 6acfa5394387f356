/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Ticker;
import io.jasyncio.TimerHandle;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * The loop's timer heap, asyncio's {@code _scheduled}: ordered by deadline, then by scheduling order. Cancelled
 * timers stay in the heap until they reach its head or until they are more than half of a heap of over 100, when the
 * heap is rebuilt without them (asyncio's {@code _MIN_SCHEDULED_TIMER_HANDLES} and
 * {@code _MIN_CANCELLED_TIMER_HANDLES_FRACTION}). It gives the loop's poll its timeout: until the first deadline.
 *
 * <p>Threading: loop thread only.
 */
final class TimerQueue {
    static final int MIN_SCHEDULED_TIMER_HANDLES = 100;
    static final double MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
    /** asyncio's {@code MAXIMUM_SELECT_TIMEOUT}: one day. */
    static final long MAXIMUM_SELECT_TIMEOUT_NANOS = TimeUnit.DAYS.toNanos(1);

    private final PriorityQueue<TimerHandle> heap = new PriorityQueue<>();
    private int cancelledCount;
    /** The scheduling order, the tie-break between timers with one deadline. */
    private long sequence;

    /**
     * The next timer's place in scheduling order.
     *
     * @return a number larger than any given before
     */
    long nextSequence() {
        return sequence++;
    }

    /**
     * Makes a timer and schedules it.
     *
     * @param whenNanos its deadline, on the loop's ticker
     * @param callback its callback
     * @param loop the loop
     * @return the timer, in the heap
     */
    TimerHandle schedule(long whenNanos, Runnable callback, BaseEventLoop loop) {
        TimerHandle timer = HandleAccess.newTimer(whenNanos, nextSequence(), callback, loop);
        add(timer);
        return timer;
    }

    /**
     * Puts a timer in the heap.
     *
     * @param timer the timer, not scheduled now
     */
    void add(TimerHandle timer) {
        HandleAccess.setScheduled(timer, true);
        heap.add(timer);
    }

    /** Called when a scheduled timer is cancelled. */
    void cancelled() {
        cancelledCount++;
    }

    int size() {
        return heap.size();
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    int cancelledCount() {
        return cancelledCount;
    }

    /** Drops cancelled timers: all of them if they are many, else those at the head. */
    void purgeCancelled() {
        int n = heap.size();
        if (n > MIN_SCHEDULED_TIMER_HANDLES && (double) cancelledCount / n > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
            heap.removeIf(t -> {
                if (t.cancelled()) {
                    HandleAccess.setScheduled(t, false);
                    return true;
                }
                return false;
            });
            cancelledCount = 0;
        } else {
            TimerHandle t;
            while ((t = heap.peek()) != null && t.cancelled()) {
                heap.poll();
                cancelledCount--;
                HandleAccess.setScheduled(t, false);
            }
        }
    }

    /**
     * The earliest deadline.
     *
     * @return the head's deadline, or {@link Long#MAX_VALUE} when there is no timer
     */
    long nextDeadline() {
        TimerHandle t = heap.peek();
        return t == null ? Long.MAX_VALUE : t.whenNanos();
    }

    /**
     * The timeout of a poll that may block: until the earliest deadline, at most {@link #MAXIMUM_SELECT_TIMEOUT_NANOS}.
     * No clock read when the heap is empty.
     *
     * @param ticker the loop's clock
     * @return -1 when there is no timer (block until I/O or a wake-up), else the nanoseconds to wait, 0 if one is due
     */
    long pollTimeout(Ticker ticker) {
        long next = nextDeadline();
        if (next == Long.MAX_VALUE) {
            return -1;
        }
        long untilNext = Deadlines.saturatedSub(next, ticker.nanoTime());
        return Math.min(Math.max(0, untilNext), MAXIMUM_SELECT_TIMEOUT_NANOS);
    }

    /**
     * Moves the timers due before {@code endNanos} to the ready queue, in deadline order.
     *
     * @param endNanos the bound, exclusive
     * @param ready the ready queue
     */
    void moveDue(long endNanos, ReadyQueue ready) {
        TimerHandle t;
        while ((t = heap.peek()) != null && t.whenNanos() < endNanos) {
            heap.poll();
            HandleAccess.setScheduled(t, false);
            if (t.cancelled()) {
                cancelledCount--;
            }
            ready.add(t);
        }
    }

    void clear() {
        for (TimerHandle t : heap) {
            HandleAccess.setScheduled(t, false);
        }
        heap.clear();
        cancelledCount = 0;
    }
}
