/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * Primitive lock objects: a task acquires the lock with {@link #acquire()}, suspending while another task holds it, and
 * {@link #release()} gives it to the task that has waited longest (FIFO). Cancellation-safe: a waiter that is cancelled
 * after {@code release()} chose it, but before it ran, passes the wake-up to the next waiter, so no wake-up is lost.
 *
 * <pre>{@code
 * try (var held = lock.hold()) {   // async with lock:
 *     ...                          //     ...
 * }
 * }</pre>
 *
 * <p>Threading: loop thread only, for the tasks of one loop (the first one that waits on it binds it).
 *
 * @asyncio asyncio.Lock
 *     Differences: {@code async with lock} is try-with-resources on {@link #hold()}; asyncio's RuntimeError is
 *     {@link IllegalStateException}; {@code toString()} has no object address: {@code <Lock [locked, waiters:1]>}.
 */
public final class Lock extends LoopBound {
    // Threading: loop thread only.
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    // Invariant: when the lock is free and a waiter is not done, that waiter has been woken or is about to be.
    private boolean locked;

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Whether the lock is held.
     *
     * @return {@code true} if locked
     * @asyncio Lock.locked()
     */
    public boolean locked() {
        return locked;
    }

    /**
     * Acquire a lock: suspends the current task until the lock is unlocked, then sets it to locked and returns true.
     * Tasks waiting here get the lock in the order they came; the lock is taken at once only when it is free and no
     * waiter is left (other than cancelled ones).
     *
     * @return {@code true}
     * @throws CancelledError if the task is cancelled while waiting; the lock is not held then
     * @throws IllegalStateException outside a task, or when the lock is bound to another loop
     * @asyncio await Lock.acquire()
     */
    public boolean acquire() {
        if (!locked && allCancelled()) {
            locked = true;
            return true;
        }
        try {
            awaitNewWaiter(waiters);
        } catch (CancelledError e) {
            // Keep the invariant: if the lock is free (we may have been the one woken), wake the next waiter.
            if (!locked) {
                wakeUpFirst();
            }
            throw e;
        }
        locked = true;
        return true;
    }

    /**
     * Release a lock: sets it to unlocked and wakes the first task waiting in {@link #acquire()}, if any.
     *
     * @throws IllegalStateException "Lock is not acquired." when not locked
     * @asyncio Lock.release()
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    /**
     * Acquires the lock, as {@link #acquire()} does, and returns a handle whose {@code close()} releases it: the
     * try-with-resources form of {@code async with lock:}.
     *
     * @return the handle, for try-with-resources
     * @throws CancelledError if the task is cancelled while waiting; the lock is not held then
     * @asyncio async with lock
     */
    public Held hold() {
        acquire();
        return this::release;
    }

    private boolean allCancelled() {
        for (Future<Boolean> w : waiters) {
            if (!w.cancelled()) {
                return false;
            }
        }
        return true;
    }

    /** Wakes the first waiter, unless it is done already (woken earlier, or cancelled). */
    private void wakeUpFirst() {
        Future<Boolean> fut = waiters.peekFirst();
        if (fut != null && !fut.done()) {
            fut.setResult(true);
        }
    }

    @Override
    public String toString() {
        return "<Lock [" + (locked ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size())
                + "]>";
    }

    /**
     * A held lock, condition or semaphore, released by {@link #close()}: what {@code hold()} returns for
     * try-with-resources.
     *
     * @asyncio the {@code async with} block of asyncio's _ContextManagerMixin
     */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        /** Releases the primitive: {@code __aexit__}. It throws no checked exception. */
        @Override
        void close();
    }
}
