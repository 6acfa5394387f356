/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;

/**
 * Concurrency and multithreading: a loop runs all its callbacks and tasks on one thread. Another thread hands work to
 * it with {@code callSoonThreadsafe} (here: starting a task, and cancelling a future). In debug mode, calling
 * {@code callSoon} from the wrong thread raises instead of corrupting the loop.
 */
public final class Concurrency {
    private Concurrency() {
    }

    /** A coroutine function: says on which thread its task runs. */
    static Coroutine<Void> startedFrom(String caller, Future<String> started) {
        return Asyncio.coroutine("startedFrom", () -> {
            started.setResult("task scheduled from " + caller + ", running on " + Thread.currentThread().getName());
            return null;
        });
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            Future<String> started = loop.createFuture();
            Future<Void> cancelMe = loop.createFuture();
            Thread other = new Thread(() -> {
                try {
                    loop.callSoon(() -> { }); // the bug: not thread-safe
                } catch (IllegalStateException e) {
                    System.out.println("callSoon from another thread: " + e.getMessage());
                }
                // The fix: callSoonThreadsafe, to start a coroutine as a task, or to cancel a future.
                loop.callSoonThreadsafe(() -> Asyncio.createTask(startedFrom("other-thread", started)));
                loop.callSoonThreadsafe(cancelMe::cancel);
            }, "other-thread");
            loop.callSoon(other::start);
            System.out.println(loop.runUntilComplete(started));
            try {
                loop.runUntilComplete(cancelMe);
            } catch (CancelledError e) {
                System.out.println("future cancelled through callSoonThreadsafe: " + cancelMe.cancelled());
            }
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
