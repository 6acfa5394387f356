/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;

/**
 * Pending task destroyed: a task whose coroutine never finished, because its loop closed under it, or because the
 * garbage collector found it waiting on a future nobody can complete. Debug mode logs both, with where the task was
 * made.
 */
public final class PendingDestroyed {
    private PendingDestroyed() {
    }

    /** Waits on a future that nothing will ever complete. */
    static Coroutine<Void> killMe(Future<Void> never) {
        return Asyncio.coroutine("killMe", () -> {
            Asyncio.await(never);
            return null;
        });
    }

    private static void startAndDrop(EventLoop loop) {
        loop.createTask(killMe(loop.createFuture()), "forgotten");
        loop.runUntilComplete(loop.createTask(Asyncio.coroutine("tick", () -> Asyncio.sleep(0, null))));
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            startAndDrop(loop); // collected while its loop still runs
            Guide.collectGarbage();
            Future<Void> never = loop.createFuture();
            Task<Void> task = loop.createTask(killMe(never), "closed-under-it");
            loop.runUntilComplete(loop.createTask(Asyncio.coroutine("tick", () -> Asyncio.sleep(0, null))));
            System.out.println("closing the loop with " + task);
        }
    }
}
