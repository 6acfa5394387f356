/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Collection;

/**
 * asyncio's {@code _LoopBoundMixin}: a primitive binds to the running loop the first time it needs one (to create a
 * waiter), not when it is constructed, and from then on refuses any other loop with asyncio's message.
 */
abstract class LoopBound {
    // Threading: loop thread only. Null until the first waiter; then the loop for good.
    private EventLoop loop;

    /**
     * The running loop, bound on first use.
     *
     * @return the loop
     * @throws IllegalStateException "no running event loop" outside a loop, or
     *     "&lt;this&gt; is bound to a different event loop" when another loop runs
     */
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

    /**
     * A new pending future of the bound loop.
     *
     * @param <T> the result type
     * @return the future
     */
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
    final <T> Future<T> awaitNewWaiter(Collection<Future<T>> waiters) {
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
