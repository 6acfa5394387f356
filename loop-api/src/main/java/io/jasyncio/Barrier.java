/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Locale;

/**
 * A barrier for a fixed number of tasks, useful to synchronise them at known points: each {@link #wait_()} suspends
 * until {@code parties} tasks wait, then all of them proceed at once, and the barrier fills again for the next round.
 * {@link #reset()} breaks the current round for its waiters and makes the barrier usable again; {@link #abort()}
 * breaks it for good. Both raise {@link BrokenBarrierError} in the waiters.
 *
 * <pre>{@code
 * try (var passed = barrier.hold()) {   // async with barrier as index:
 *     int index = passed.index();
 * }
 * }</pre>
 *
 * <p>The barrier moves through asyncio's states: {@code filling} (tasks arrive), {@code draining} (the last one came;
 * the waiters leave, and newcomers wait until they all have), {@code resetting} (after {@link #reset()} while tasks
 * wait) and {@code broken} (after {@link #abort()}).
 *
 * <p>{@code wait()} is {@link #wait_()}: asyncio names that clash with {@link Object}'s final methods take a trailing
 * underscore (see the package documentation).
 *
 * <p>Threading: loop thread only, for the tasks of one loop.
 *
 * @asyncio asyncio.Barrier
 *     Differences: {@code wait()} is {@code wait_()}; {@code async with barrier as i} is try-with-resources on
 *     {@link #hold()}; the properties are methods; asyncio's ValueError for {@code parties < 1} is
 *     {@link IllegalArgumentException}; {@code toString()} has no object address.
 */
@SuppressWarnings("try") // try (var held = cond.hold()) holds the lock for the block; held itself is not used
public final class Barrier extends LoopBound {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    // Notifies every waiting task when the state changes; its lock guards state and count across awaits.
    private final Condition cond = new Condition();
    private final int parties;
    // Threading: loop thread only.
    private State state = State.FILLING;
    // Threading: loop thread only. The tasks inside wait_(): arrived while filling, or not yet left while draining.
    private int count;

    /**
     * A barrier.
     *
     * @param parties how many tasks meet at it, at least 1
     * @throws IllegalArgumentException "parties must be > 0"
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Wait for the barrier: when {@code parties} tasks wait (this one included), all of them pass. A task that comes
     * while the previous round drains or resets waits until it has.
     *
     * @return this task's arrival index in the round, 0 to {@code parties - 1}
     * @throws BrokenBarrierError "Barrier aborted" if the barrier is broken, "Abort or reset of barrier" if it is
     *     reset or aborted while this task waits
     * @throws CancelledError if the task is cancelled while waiting; it leaves the barrier
     * @asyncio await Barrier.wait()
     */
    public int wait_() {
        try (var held = cond.hold()) {
            block();
            try {
                int index = count;
                count++;
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.notifyAll_();
                } else {
                    cond.waitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                }
                return index;
            } finally {
                count--;
                exit();
            }
        }
    }

    /**
     * Waits at the barrier, as {@link #wait_()} does, and returns the arrival index for try-with-resources: the form of
     * {@code async with barrier as index:}. Closing does nothing, as asyncio's {@code __aexit__}.
     *
     * @return the passage, with the arrival index
     * @throws BrokenBarrierError as {@link #wait_()}
     * @asyncio async with barrier as index
     */
    public Held hold() {
        return new Held(wait_());
    }

    /** Waits while the previous round drains or resets; refuses a broken barrier. */
    private void block() {
        cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("Barrier aborted");
        }
    }

    /** The last task out of a draining or resetting barrier opens it for the next round. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.notifyAll_();
        }
    }

    /**
     * Reset the barrier to the initial state: tasks waiting in {@link #wait_()} get {@link BrokenBarrierError}, and
     * the barrier fills again once they have left. Suspends while another task holds the barrier's internal lock.
     *
     * @asyncio await Barrier.reset()
     */
    public void reset() {
        try (var held = cond.hold()) {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
            cond.notifyAll_();
        }
    }

    /**
     * Place the barrier into a broken state: current and future calls of {@link #wait_()} fail with
     * {@link BrokenBarrierError}, until {@link #reset()}. Suspends while another task holds the barrier's internal
     * lock.
     *
     * @asyncio await Barrier.abort()
     */
    public void abort() {
        try (var held = cond.hold()) {
            state = State.BROKEN;
            cond.notifyAll_();
        }
    }

    /**
     * Return the number of tasks required to pass the barrier.
     *
     * @return the parties
     * @asyncio Barrier.parties
     */
    public int parties() {
        return parties;
    }

    /**
     * Return the number of tasks waiting in the barrier while it fills.
     *
     * @return the count while filling, else 0
     * @asyncio Barrier.n_waiting
     */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /**
     * Return true if the barrier is in a broken state.
     *
     * @return {@code true} after {@link #abort()}, until {@link #reset()}
     * @asyncio Barrier.broken
     */
    public boolean broken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        String extra = state.name().toLowerCase(Locale.ROOT);
        if (state != State.BROKEN) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<Barrier [" + extra + "]>";
    }

    /**
     * A passage of the barrier, for try-with-resources: {@code async with barrier as index}.
     *
     * @param index the arrival index that {@link #wait_()} returned
     */
    public record Held(int index) implements AutoCloseable {
        /** Does nothing: leaving {@code async with barrier} does nothing either. */
        @Override
        public void close() {
        }
    }
}
