/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Handle;
import io.jasyncio.Ticker;

/**
 * The loop's watched path: the poll and the ready callbacks of one iteration, timed for the interceptors that override
 * a hook of the iteration ({@code beforePoll}, {@code afterPoll}, {@code beforeHandle}, {@code afterHandle},
 * {@code afterIteration}). {@link BaseEventLoop#runOnce()} comes here only while {@link BaseEventLoop#isWatched()};
 * its plain path never does, and pays nothing for it.
 *
 * <p>Clock reads: one per callback (a callback's time runs from the end of the one before it, from the end of the poll
 * for the first, so it includes the interceptors' own hooks between the two, a few nanoseconds unless one of them
 * logs); one after the poll, unless the poll does nothing ({@code pollIsEmpty}); and none before the poll when the
 * previous iteration was a watched one inside {@code runIterations}: the poll starts where that iteration ended. A
 * clock read costs 20 ns on bare metal and on a VM with kvm-clock: the watched path's cost is mostly its clock reads.
 *
 * <p>Threading: the loop's thread only. One per loop, made with it: nothing is allocated per iteration or callback.
 */
final class WatchedIteration {
    private final BaseEventLoop loop;
    private final ReadyQueue ready;
    private final Interceptors interceptors;
    private final Ticker ticker;
    /** When the last watched iteration ended, on the loop's ticker; where the next poll starts if the loop says so. */
    private long lastTick;

    /**
     * Makes the watched path of a loop.
     *
     * @param loop the loop, whose poll this times
     * @param ready its ready queue
     * @param interceptors its interceptors
     * @param ticker its clock
     */
    WatchedIteration(BaseEventLoop loop, ReadyQueue ready, Interceptors interceptors, Ticker ticker) {
        this.loop = loop;
        this.ready = ready;
        this.interceptors = interceptors;
        this.ticker = ticker;
    }

    /**
     * Polls for I/O between the interceptors' {@code beforePoll} and {@code afterPoll}, which is told how long the poll
     * took.
     *
     * @param timeoutNanos the poll's timeout, as {@link BaseEventLoop#pollIo(long)} takes it
     * @param ticked whether the previous iteration was a watched one, inside {@code runIterations}, that ended at the
     *     last tick: the poll then starts there, with no clock read
     * @return when the poll ended, on the loop's ticker
     */
    long poll(long timeoutNanos, boolean ticked) {
        long t0 = ticked ? lastTick : ticker.nanoTime();
        interceptors.beforePoll(timeoutNanos);
        long polled;
        if (loop.pollIsEmpty(timeoutNanos)) {
            loop.pollIo(timeoutNanos);
            polled = t0;
        } else {
            loop.pollIo(timeoutNanos);
            polled = ticker.nanoTime();
        }
        interceptors.afterPoll(timeoutNanos, polled - t0);
        return polled;
    }

    /**
     * Runs exactly the callbacks that are ready now, timing each one if an interceptor watches callbacks, else all of
     * them at once; then tells the interceptors that the iteration ended, and keeps its end for the next poll.
     *
     * @param polled when the poll ended, on the loop's ticker
     * @return how many ran
     */
    int runReady(long polled) {
        return interceptors.watchesHandles() ? runReadyWatched(polled) : runReadyTimed(polled);
    }

    /**
     * {@link BaseEventLoop#runReady()} with interceptors that watch each callback: times each one and tells the
     * interceptors (the debug module's slow-callback check logs asyncio's "Executing ... took ... seconds" from here),
     * then the iteration. One clock read per callback; the last one is also where the next poll starts.
     *
     * @param polled when the poll ended, on the loop's ticker
     * @return how many ran
     */
    private int runReadyWatched(long polled) {
        final ReadyQueue r = ready;
        final Interceptors ic = interceptors;
        final int ntodo = r.size();
        long t = polled;
        for (int i = 0; i < ntodo; i++) {
            Handle handle = r.poll();
            if (handle.cancelled()) {
                continue;
            }
            ic.beforeHandle(handle);
            HandleAccess.run(handle);
            long now = ticker.nanoTime();
            ic.afterHandle(handle, now - t);
            t = now;
        }
        endIteration(ntodo, polled, t);
        return ntodo;
    }

    /**
     * {@link BaseEventLoop#runReady()} for interceptors that watch only the iteration (polls,
     * {@code afterIteration}): the callbacks run as on the plain path, and one clock read times them all.
     *
     * @param polled when the poll ended, on the loop's ticker
     * @return how many ran
     */
    private int runReadyTimed(long polled) {
        int ntodo = loop.runReady();
        endIteration(ntodo, polled, ntodo == 0 ? polled : ticker.nanoTime());
        return ntodo;
    }

    /** Tells the interceptors that the iteration ended, and keeps its end for the next poll's start. */
    private void endIteration(int ntodo, long polled, long end) {
        interceptors.afterIteration(ntodo, end - polled);
        lastTick = end;
    }
}
