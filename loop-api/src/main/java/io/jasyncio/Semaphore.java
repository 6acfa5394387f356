/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * A counter of permits for tasks: {@link #acquire()} takes one, suspending while none is left; {@link #release()}
 * gives one back. FIFO, and cancellation-safe: a permit handed to a waiter that is cancelled before it runs goes to
 * the next waiter.
 *
 * @asyncio asyncio.Semaphore
 */
public class Semaphore extends LoopBound {
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
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
     * Whether {@link #acquire()} would suspend.
     *
     * @return {@code true} if no permit is free (or waiters are ahead)
     * @asyncio Semaphore.locked()
     */
    public boolean locked() {
        return value == 0 || waiters.stream().anyMatch(w -> !w.cancelled());
    }

    /**
     * Takes a permit, suspending the current task until one is free.
     *
     * @return {@code true}
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
                // Woken with a permit we will not use: give it back.
                value++;
            }
            throw e;
        } finally {
            while (value > 0) {
                if (!wakeUpNext()) {
                    break;
                }
            }
        }
        return true;
    }

    /**
     * Gives a permit back, waking the first waiter.
     *
     * @asyncio Semaphore.release()
     */
    public void release() {
        value++;
        wakeUpNext();
    }

    /**
     * Takes a permit for try-with-resources: {@code async with semaphore:}.
     *
     * @return the handle
     */
    public Lock.Held hold() {
        acquire();
        return this::release;
    }

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
