/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable allows one or more tasks to wait until they are notified by another task. It is bound to a
 * {@link Lock}: a new one, or one given to the constructor to share it with other code. Waiters release the lock while
 * they wait and hold it again when {@link #wait_()} returns or throws, even when cancelled; a waiter cancelled after
 * being notified passes the notification on (a spurious wake-up elsewhere rather than a lost one).
 *
 * <pre>{@code
 * try (var held = cond.hold()) {          // async with cond:
 *     cond.waitFor(() -> !items.isEmpty()); //     await cond.wait_for(lambda: items)
 *     ...
 * }
 * }</pre>
 *
 * <p>{@code wait()}, {@code notify()} and {@code notify_all()} are {@link #wait_()}, {@link #notify_(int)} and
 * {@link #notifyAll_()}: asyncio names that clash with {@link Object}'s final methods take a trailing underscore (see
 * the package documentation).
 *
 * <p>Threading: loop thread only, for the tasks of one loop (the first one that waits on it binds it).
 *
 * @asyncio asyncio.Condition
 *     Differences: the renames above; {@code wait_for} takes a {@link BooleanSupplier} and returns {@code true}
 *     (Python returns the predicate's truthy value); asyncio's RuntimeError is {@link IllegalStateException}.
 */
public final class Condition extends LoopBound {
    private final Lock lock;
    // Threading: loop thread only.
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();

    /** A condition over a new {@link Lock}. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition over an existing lock, shared with whoever else uses it.
     *
     * @param lock the lock
     * @asyncio asyncio.Condition(lock)
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Whether the underlying lock is held.
     *
     * @return the lock's state
     * @asyncio Condition.locked()
     */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Acquires the underlying lock.
     *
     * @return {@code true}
     * @asyncio await Condition.acquire()
     */
    public boolean acquire() {
        return lock.acquire();
    }

    /**
     * Releases the underlying lock.
     *
     * @asyncio Condition.release()
     */
    public void release() {
        lock.release();
    }

    /**
     * Acquires the underlying lock and returns a handle whose {@code close()} releases it: the try-with-resources form
     * of {@code async with condition:}.
     *
     * @return the handle
     * @asyncio async with condition
     */
    public Lock.Held hold() {
        return lock.hold();
    }

    /**
     * Wait until notified: releases the underlying lock, suspends until another task calls {@link #notify_(int)} or
     * {@link #notifyAll_()}, then re-acquires the lock and returns {@code true}. It may return spuriously, so callers
     * re-check their state (or use {@link #waitFor}).
     *
     * @return {@code true}
     * @throws IllegalStateException "cannot wait on un-acquired lock" when the lock is not held
     * @throws CancelledError if the task is cancelled while waiting; the lock is held again when it is thrown
     * @asyncio await Condition.wait()
     */
    public boolean wait_() {
        if (!locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        lock.release();
        try {
            try {
                awaitNewWaiter(waiters);
                return true;
            } finally {
                // Hold the lock again even when cancelled. Only CancelledError is retried: any other failure of
                // acquire() propagates rather than spinning here.
                CancelledError err = null;
                while (true) {
                    try {
                        lock.acquire();
                        break;
                    } catch (CancelledError e) {
                        err = e;
                    }
                }
                if (err != null) {
                    throw err;
                }
            }
        } catch (Throwable t) {
            // This task may have been notified before failing: notify another one instead (a spurious wake-up is
            // allowed by the condition variable protocol).
            notifyWaiters(1);
            throw t;
        }
    }

    /**
     * Wait until a predicate becomes true: tests it, and calls {@link #wait_()} until it holds. The lock must be held
     * unless the predicate is already true.
     *
     * @param predicate the condition, tested with the lock held
     * @return {@code true}, the predicate's last value
     * @throws IllegalStateException "cannot wait on un-acquired lock" when it must wait and the lock is not held
     * @asyncio await Condition.wait_for(predicate)
     */
    public boolean waitFor(BooleanSupplier predicate) {
        boolean result = predicate.getAsBoolean();
        while (!result) {
            wait_();
            result = predicate.getAsBoolean();
        }
        return true;
    }

    /**
     * Wakes up {@code n} of the tasks waiting on this condition, or all of them if fewer wait; the lock must be held. An
     * awakened task returns from {@link #wait_()} only once it re-acquires the lock.
     *
     * @param n how many
     * @throws IllegalStateException "cannot notify on un-acquired lock" when the lock is not held
     * @asyncio Condition.notify(n)
     */
    public void notify_(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        notifyWaiters(n);
    }

    /**
     * Wakes up one task waiting on this condition, if any; the lock must be held.
     *
     * @throws IllegalStateException "cannot notify on un-acquired lock" when the lock is not held
     * @asyncio Condition.notify()
     */
    public void notify_() {
        notify_(1);
    }

    /**
     * Wakes up all tasks waiting on this condition; the lock must be held.
     *
     * @throws IllegalStateException "cannot notify on un-acquired lock" when the lock is not held
     * @asyncio Condition.notify_all()
     */
    public void notifyAll_() {
        notify_(waiters.size());
    }

    /** Wakes the first {@code n} waiters that are not done: asyncio's {@code _notify}. */
    private void notifyWaiters(int n) {
        int idx = 0;
        for (Future<Boolean> fut : waiters) {
            if (idx >= n) {
                break;
            }
            if (!fut.done()) {
                idx++;
                fut.setResult(false);
            }
        }
    }

    @Override
    public String toString() {
        return "<Condition [" + (locked() ? "locked" : "unlocked") + (waiters.isEmpty() ? ""
                : ", waiters:" + waiters.size()) + "]>";
    }
}
