/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * A semaphore manages an internal counter which is decremented by each {@link #acquire()} and incremented by each
 * {@link #release()}; the counter never goes below zero: when {@code acquire()} finds it zero, it suspends until some
 * other task calls {@code release()}. Waiters get permits in FIFO order, and a task that finds a free permit while
 * others still wait queues behind them. Cancellation-safe (asyncio 3.12's rules): a permit handed to a waiter that is
 * cancelled before it runs goes back to the counter and on to the next waiter.
 *
 * <pre>{@code
 * try (var held = sem.hold()) {   // async with sem:
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: loop thread only, for the tasks of one loop (the first one that waits on it binds it).
 *
 * @asyncio asyncio.Semaphore
 *     Differences: {@code async with sem} is try-with-resources on {@link #hold()}; asyncio's ValueError for a
 *     negative initial value is {@link IllegalArgumentException}; {@code toString()} has no object address.
 */
public class Semaphore extends LoopBound {
    // Threading: loop thread only.
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    // Threading: loop thread only. The free permits; a woken waiter's permit is taken off here when it is woken.
    int value;

    /**
     * A semaphore with one permit.
     */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits.
     *
     * @param value the initial permits, at least 0
     * @throws IllegalArgumentException "Semaphore initial value must be >= 0"
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /**
     * Returns true if the semaphore cannot be acquired immediately: no permit is free, or tasks that are not cancelled
     * wait ahead (FIFO).
     *
     * @return {@code true} if {@link #acquire()} would suspend
     * @asyncio Semaphore.locked()
     */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        for (Future<Boolean> w : waiters) {
            if (!w.cancelled()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Acquire a semaphore: takes a permit and returns {@code true} if one is free and nobody waits ahead; else
     * suspends the current task until a {@link #release()} hands it one.
     *
     * @return {@code true}
     * @throws CancelledError if the task is cancelled while waiting; a permit it was handed goes to the next waiter
     * @throws IllegalStateException outside a task, or when the semaphore is bound to another loop
     * @asyncio await Semaphore.acquire()
     */
    public boolean acquire() {
        if (!locked()) {
            value--;
            return true;
        }
        Future<Boolean> fut = newWaiter();
        waiters.add(fut);
        try {
            try {
                Asyncio.await(fut);
            } finally {
                waiters.remove(fut);
            }
        } catch (CancelledError e) {
            if (fut.done() && !fut.cancelled()) {
                // Woken with a permit that we will not use: give it back (the finally below passes it on).
                value++;
            }
            throw e;
        } finally {
            // Waiters that came while permits were free had to queue behind us (FIFO): wake as many as there are
            // permits.
            while (value > 0) {
                if (!wakeUpNext()) {
                    break;
                }
            }
        }
        return true;
    }

    /**
     * Release a semaphore: increments the counter and wakes the first waiting task, handing it the permit.
     *
     * @asyncio Semaphore.release()
     */
    public void release() {
        value++;
        wakeUpNext();
    }

    /**
     * Takes a permit, as {@link #acquire()} does, and returns a handle whose {@code close()} releases it: the
     * try-with-resources form of {@code async with semaphore:}.
     *
     * @return the handle
     * @asyncio async with semaphore
     */
    public Lock.Held hold() {
        acquire();
        return this::release;
    }

    /** Wakes the first waiter that is not done, handing it a permit; asyncio's {@code _wake_up_next}. */
    private boolean wakeUpNext() {
        for (Future<Boolean> fut : waiters) {
            if (!fut.done()) {
                value--;
                fut.setResult(true);
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " [" + (locked() ? "locked" : "unlocked, value:" + value)
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }
}
