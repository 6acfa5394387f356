/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks, over a {@link Lock}: waiters release the lock, wait to be notified, and re-acquire
 * it, even when cancelled. A waiter cancelled after being notified passes the notification on.
 *
 * <p>Names that clash with {@link Object}'s final methods take a trailing underscore: {@link #wait_()},
 * {@link #notify_(int)}, {@link #notifyAll_()}.
 *
 * @asyncio asyncio.Condition
 */
public final class Condition extends LoopBound {
    private final Lock lock;
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();

    /** A condition with a new lock. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition over an existing lock.
     *
     * @param lock the lock
     */
    public Condition(Lock lock) {
        this.lock = lock;
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
     * Acquires the lock for try-with-resources: {@code async with condition:}.
     *
     * @return the handle
     */
    public Lock.Held hold() {
        return lock.hold();
    }

    /**
     * Releases the lock, waits to be notified, re-acquires the lock.
     *
     * @return {@code true}
     * @throws IllegalStateException "cannot wait on un-acquired lock"
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
     * Waits until the predicate is true.
     *
     * @param predicate the condition, tested with the lock held
     * @return the predicate's last (true) value
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
     * Wakes up to {@code n} waiters; the lock must be held.
     *
     * @param n how many
     * @throws IllegalStateException "cannot notify on un-acquired lock"
     * @asyncio Condition.notify(n=1)
     */
    public void notify_(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        notifyWaiters(n);
    }

    /**
     * Wakes one waiter.
     *
     * @asyncio Condition.notify()
     */
    public void notify_() {
        notify_(1);
    }

    /**
     * Wakes every waiter.
     *
     * @asyncio Condition.notify_all()
     */
    public void notifyAll_() {
        notify_(waiters.size());
    }

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
