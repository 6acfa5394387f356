/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * asyncio's {@code _LoopBoundMixin}: a primitive binds to the loop that first uses it, and refuses any other.
 */
abstract class LoopBound {
    private EventLoop loop;

    final EventLoop loop() {
        EventLoop running = Asyncio.getRunningLoop();
        if (loop == null) {
            loop = running;
        }
        if (running != loop) {
            throw new IllegalStateException(this + " is bound to a different event loop");
        }
        return loop;
    }

    final <T> Future<T> newWaiter() {
        return loop().createFuture();
    }

    /**
     * Queues a new waiter, suspends the current task until it is done, and always takes it out of the queue again.
     *
     * @param waiters the queue of waiters
     * @param <T> the waiter's result type
     * @return the waiter, done
     */
    final <T> Future<T> awaitNewWaiter(java.util.Collection<Future<T>> waiters) {
        Future<T> fut = newWaiter();
        waiters.add(fut);
        try {
            Asyncio.await(fut);
        } finally {
            waiters.remove(fut);
        }
        return fut;
    }
}
