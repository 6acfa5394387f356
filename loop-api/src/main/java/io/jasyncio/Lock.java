/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * A mutual exclusion lock for tasks: FIFO fair, and cancellation-safe (a waiter cancelled after being woken passes the
 * wake-up to the next one). Not thread-safe: for tasks of one loop.
 *
 * <pre>{@code
 * try (var held = lock.hold()) {   // async with lock:
 *     ...
 * }
 * }</pre>
 *
 * @asyncio asyncio.Lock
 */
public final class Lock extends LoopBound {
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
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
     * Acquires the lock, suspending the current task until it is free.
     *
     * @return {@code true}
     * @asyncio await Lock.acquire()
     */
    public boolean acquire() {
        if (!locked && waiters.stream().allMatch(Future::cancelled)) {
            locked = true;
            return true;
        }
        try {
            awaitNewWaiter(waiters);
        } catch (CancelledError e) {
            if (!locked) {
                wakeUpFirst();
            }
            throw e;
        }
        locked = true;
        return true;
    }

    /**
     * Releases the lock and wakes the first waiter.
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
     * Acquires the lock and returns a handle whose {@code close()} releases it: {@code async with lock:}.
     *
     * @return the handle, for try-with-resources
     */
    public Held hold() {
        acquire();
        return this::release;
    }

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

    /** A held lock or semaphore, released by {@link #close()}. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        /** Releases. */
        @Override
        void close();
    }
}
